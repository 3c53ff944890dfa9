// Console stylesheets are side-effect imports the console's Vite build bundles.
declare module '*.css'
