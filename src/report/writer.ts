// A small TerminalWriter: writes through a sink, applies markup when colour is on and remembers
// the current line, which pytest's progress layout depends on.

import { markup, sepLine, wcswidth, type Markup } from './color.js';

export class TermWriter {
  private currentLine = '';

  constructor(
    private readonly sink: (s: string) => void,
    readonly color: boolean,
    readonly fullwidth: number,
  ) {}

  /** Width of what has been written on the current line (pytest's width_of_current_line). */
  get lineWidth(): number {
    return wcswidth(this.currentLine);
  }

  markup(text: string, ...styles: Markup[]): string {
    return markup(text, this.color, ...styles);
  }

  write(text: string, ...styles: Markup[]): void {
    if (!text) return;
    const nl = text.lastIndexOf('\n');
    this.currentLine = nl === -1 ? this.currentLine + text : text.slice(nl + 1);
    this.sink(markup(text, this.color, ...styles));
  }

  /** Text that already carries its own markup; `plain` is what it shows, for width tracking. */
  writeMarked(marked: string, plain: string): void {
    const nl = plain.lastIndexOf('\n');
    this.currentLine = nl === -1 ? this.currentLine + plain : plain.slice(nl + 1);
    this.sink(marked);
  }

  line(text = '', ...styles: Markup[]): void {
    this.write(text, ...styles);
    this.write('\n');
  }

  sep(sepchar: string, title?: string, ...styles: Markup[]): void {
    this.line(sepLine(sepchar, title, this.fullwidth), ...styles);
  }
}
