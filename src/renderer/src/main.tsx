import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getApi } from './api'
import { App } from './app/App'
import './app/theme.css'
import './app/base.css'
import './app/layout.css'

// take the web shell's token out of the address bar before anything renders
getApi()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
