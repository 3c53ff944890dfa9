// Block stylesheets are side-effect imports the storefront's Vite build bundles.
declare module '*.css'
