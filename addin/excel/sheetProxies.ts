/** One worksheet proxy per sheet name for a whole batch, instead of one per command. */
export class SheetProxies {
  private readonly cache = new Map<string, Excel.Worksheet>();

  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    let ws = this.cache.get(name);
    if (!ws) this.cache.set(name, (ws = this.context.workbook.worksheets.getItem(name)));
    return ws;
  }
}
