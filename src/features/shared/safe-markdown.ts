const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The little markdown our cards use, made safe: everything is escaped first, then only `[text](https://…)`
 * links and Teams `<at>Name</at>` mentions become markup. Nothing from the data can become live HTML.
 */
export function safeMarkdown(text: string): string {
  // A backslash-escaped character is that character as text: held aside so no markup can be made of it.
  const held: string[] = [];
  const unheld = (html: string): string => html.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => escapeHtml(held[Number(i)] ?? ''));
  const protectedText = text.replace(/\\([\\`*_{}[\]()<>#+!|~-])/g, (_m, c: string) => `\uE000${held.push(c) - 1}\uE000`);
  return unheld(
    escapeHtml(protectedText)
      .replace(/&lt;at&gt;(.*?)&lt;\/at&gt;/g, '<strong>@$1</strong>')
      .replace(
        /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
        (_m, label: string, url: string) => `<a href="${url}" target="_blank" rel="noreferrer noopener">${label}</a>`,
      )
      .replace(/\n/g, '<br>'),
  );
}
