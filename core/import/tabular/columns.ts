import { ImportError } from '../errors';
import type { ImportField, ImportMapping } from '../mapping/mapping';

/** Column positions of the mapped fields in one header. */
export class ColumnSet {
  private readonly indexes = new Map<ImportField, number>();
  readonly agingIndexes: readonly number[];

  constructor(
    readonly headers: readonly string[],
    mapping: ImportMapping,
  ) {
    const positionOf = (header: string): number => headers.findIndex((candidate) => candidate.toLowerCase() === header.trim().toLowerCase());
    for (const [field, header] of Object.entries(mapping.columns) as [ImportField, string][]) {
      const index = positionOf(header);
      if (index === -1) {
        throw new ImportError(
          'INVALID_MAPPING',
          `The mapping expects a column "${header}" for ${field}, but the header has ${headers.map((name) => `"${name}"`).join(', ')}: map the columns again.`,
          { field, header },
        );
      }
      this.indexes.set(field, index);
    }
    this.agingIndexes = mapping.agingColumns.map(positionOf).filter((index) => index !== -1);
  }

  has(field: ImportField): boolean {
    return this.indexes.has(field);
  }

  index(field: ImportField): number | undefined {
    return this.indexes.get(field);
  }

  header(field: ImportField): string | null {
    const index = this.indexes.get(field);
    return index === undefined ? null : (this.headers[index] ?? null);
  }

  raw(cells: readonly string[], field: ImportField): string {
    const index = this.indexes.get(field);
    return index === undefined ? '' : (cells[index] ?? '');
  }
}
