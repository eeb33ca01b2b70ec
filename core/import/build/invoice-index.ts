/** What the import remembers about each invoice number it has accepted. */
export interface IndexedInvoice {
  readonly amountMinor: number;
  readonly customerKey: string;
  readonly sourceRow: number;
  readonly allocatedMinor: number;
}

/**
 * Invoice numbers seen so far, with amount, customer, row and allocated total, stored in typed
 * arrays so that a million invoices cost a few tens of megabytes rather than an object each.
 */
export class InvoiceIndex {
  private readonly positions = new Map<string, number>();
  private readonly customerKeys: string[] = [];
  private readonly customerIds = new Map<string, number>();
  private amounts = new Float64Array(1024);
  private allocated = new Float64Array(1024);
  private customers = new Int32Array(1024);
  private rows = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(invoiceNumber: string): IndexedInvoice | undefined {
    const position = this.positions.get(invoiceNumber);
    if (position === undefined) return undefined;
    return {
      amountMinor: this.amounts[position] ?? 0,
      customerKey: this.customerKeys[this.customers[position] ?? 0] ?? '',
      sourceRow: this.rows[position] ?? 0,
      allocatedMinor: this.allocated[position] ?? 0,
    };
  }

  add(invoiceNumber: string, amountMinor: number, customerKey: string, sourceRow: number): void {
    if (this.count === this.amounts.length) this.grow();
    let customerId = this.customerIds.get(customerKey);
    if (customerId === undefined) {
      customerId = this.customerKeys.length;
      this.customerKeys.push(customerKey);
      this.customerIds.set(customerKey, customerId);
    }
    const position = this.count++;
    this.positions.set(invoiceNumber, position);
    this.amounts[position] = amountMinor;
    this.customers[position] = customerId;
    this.rows[position] = sourceRow;
    this.allocated[position] = 0;
  }

  /** Adds to the allocated total of a known invoice. */
  allocate(invoiceNumber: string, amountMinor: number): void {
    const position = this.positions.get(invoiceNumber);
    if (position !== undefined) this.allocated[position] = (this.allocated[position] ?? 0) + amountMinor;
  }

  private grow(): void {
    const capacity = this.amounts.length * 2;
    const grown = <T extends Float64Array | Int32Array>(array: T, make: (size: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.amounts = grown(this.amounts, (size) => new Float64Array(size));
    this.allocated = grown(this.allocated, (size) => new Float64Array(size));
    this.customers = grown(this.customers, (size) => new Int32Array(size));
    this.rows = grown(this.rows, (size) => new Int32Array(size));
  }
}
