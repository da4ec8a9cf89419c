import { Pipe, type PipeTransform } from '@angular/core';
import { formatMoney, formatPct, formatQty, formatTimestamp, pnlClass } from './format';

type Numeric = number | string | null | undefined;

@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(value: Numeric, signed = false, digits = 2): string {
    return formatMoney(value, { digits, signed });
  }
}

@Pipe({ name: 'pct' })
export class PctPipe implements PipeTransform {
  transform(value: Numeric, signed = false, digits = 2): string {
    return formatPct(value, { digits, signed });
  }
}

@Pipe({ name: 'qty' })
export class QtyPipe implements PipeTransform {
  transform(value: Numeric): string {
    return formatQty(value);
  }
}

@Pipe({ name: 'utc' })
export class UtcPipe implements PipeTransform {
  transform(value: number | string | null | undefined): string {
    return formatTimestamp(value);
  }
}

@Pipe({ name: 'pnl' })
export class PnlClassPipe implements PipeTransform {
  transform(value: Numeric): string {
    return pnlClass(value);
  }
}

export const FORMAT_PIPES = [MoneyPipe, PctPipe, QtyPipe, UtcPipe, PnlClassPipe] as const;
