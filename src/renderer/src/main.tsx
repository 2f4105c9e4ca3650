import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { getApi } from './api'
import { App } from './app/App'
import './app/theme.css'
import './app/base.css'
import './app/workspace.css'

// the CSP forbids eval: keep zod from probing for it (a console violation otherwise)
z.config({ jitless: true })

// take the web shell's token out of the address bar before anything renders
getApi()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
