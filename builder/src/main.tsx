import { render } from 'solid-js/web'
import { App } from './app/App.tsx'
import './app/console.css'

const root = document.getElementById('app')
if (root) render(() => <App />, root)
