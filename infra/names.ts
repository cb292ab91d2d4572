/** `send-mail` → `SendMail`: construct ids and output keys derived from catalogue names. */
export const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());
