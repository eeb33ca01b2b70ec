/// <reference types="pdfkit" />

/** A table column: header text, width in points and alignment. */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

export interface TableStyle {
  readonly font: string;
  readonly boldFont: string;
  readonly fontSize: number;
  /** Space between a cell's text and the row's edges, in points. */
  readonly padding: number;
}

/**
 * Replaces characters outside the WinAnsi set with "?". The built-in PDF fonts (Helvetica and
 * the rest) cover only WinAnsi, so they would print any other character (Devanagari, ₹) as a
 * wrong glyph.
 */
export function toWinAnsi(text: string): string {
  return text.replace(/[^\n\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

/**
 * Draws tables with pdfkit, starting a new page (and repeating the header row) whenever the
 * next row would cross `bottom`.
 */
export class PdfTable {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly columns: readonly Column[],
    private readonly style: TableStyle,
    private readonly left: number,
    private readonly bottom: number,
  ) {}

  get width(): number {
    return this.columns.reduce((sum, column) => sum + column.width, 0);
  }

  private rowHeight(cells: readonly string[], font: string): number {
    this.doc.font(font).fontSize(this.style.fontSize);
    const heights = this.columns.map((column, index) => this.doc.heightOfString(toWinAnsi(cells[index] ?? ''), { width: column.width - 2 * this.style.padding }));
    return Math.max(...heights) + 2 * this.style.padding;
  }

  private drawCells(cells: readonly string[], font: string, y: number): void {
    let x = this.left;
    this.doc.font(font).fontSize(this.style.fontSize);
    this.columns.forEach((column, index) => {
      const width = column.width - 2 * this.style.padding;
      this.doc.text(toWinAnsi(cells[index] ?? ''), x + this.style.padding, y + this.style.padding, { width, align: column.align, lineBreak: true });
      x += column.width;
    });
  }

  private rule(y: number, weight: number): void {
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(weight).strokeColor('#555555').stroke();
  }

  /** Draws the header row at the current position and returns the y below it. */
  drawHeader(y: number): number {
    const height = this.rowHeight(this.columns.map((column) => column.header), this.style.boldFont);
    this.doc.rect(this.left, y, this.width, height).fillColor('#eeeeee').fill();
    this.doc.fillColor('#000000');
    this.drawCells(this.columns.map((column) => column.header), this.style.boldFont, y);
    this.rule(y + height, 0.8);
    return y + height;
  }

  /** Draws one row, breaking the page first when it would not fit, and returns the y below it. */
  drawRow(cells: readonly string[], y: number, options: { bold?: boolean; ruleAbove?: boolean; onNewPage?: () => number } = {}): number {
    const font = options.bold === true ? this.style.boldFont : this.style.font;
    const height = this.rowHeight(cells, font);
    let top = y;
    if (top + height > this.bottom) {
      this.doc.addPage();
      top = this.drawHeader(options.onNewPage?.() ?? this.doc.page.margins.top);
    }
    if (options.ruleAbove === true) this.rule(top, 0.8);
    this.drawCells(cells, font, top);
    this.rule(top + height, 0.2);
    return top + height;
  }
}
