import type { EditorThemeClasses } from 'lexical'

/** Lexical theme: class names styled in notes.css (light and dark through the app's variables). */
export const NOTE_THEME: EditorThemeClasses = {
  root: 'gn-root',
  paragraph: 'gn-p',
  heading: { h1: 'gn-h1', h2: 'gn-h2', h3: 'gn-h3', h4: 'gn-h4', h5: 'gn-h5', h6: 'gn-h6' },
  quote: 'gn-quote',
  code: 'gn-codeblock',
  hr: 'gn-hr',
  hrSelected: 'gn-hr-selected',
  link: 'gn-link',
  list: {
    ul: 'gn-ul',
    ol: 'gn-ol',
    checklist: 'gn-checklist',
    listitem: 'gn-li',
    listitemChecked: 'gn-li-checked',
    listitemUnchecked: 'gn-li-unchecked',
    nested: { listitem: 'gn-li-nested' },
  },
  text: {
    bold: 'gn-bold',
    italic: 'gn-italic',
    underline: 'gn-underline',
    strikethrough: 'gn-strike',
    underlineStrikethrough: 'gn-underline-strike',
    code: 'gn-code',
    highlight: 'gn-highlight',
  },
}
