/**
 * NYSE full closures and 13:00 early closes for 2025–2028 as published by NYSE ("NYSE Group
 * Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar" and the 2026–2028 release).
 * Years outside this table follow the rules in nyse-holiday-rules.ts. The table exists so that
 * ad-hoc closures (such as 2025-01-09) and any deviation from the rules are stated explicitly.
 */
export interface NyseYearTable {
  readonly closed: Readonly<Record<string, string>>;
  readonly earlyCloses: Readonly<Record<string, string>>;
}

export const NYSE_TABLE_YEARS = { first: 2025, last: 2028 } as const;

export const NYSE_HOLIDAY_TABLE: Readonly<Record<number, NyseYearTable>> = {
  2025: {
    closed: {
      '2025-01-01': "New Year's Day",
      '2025-01-09': 'National Day of Mourning for President Carter',
      '2025-01-20': 'Martin Luther King Jr. Day',
      '2025-02-17': "Washington's Birthday",
      '2025-04-18': 'Good Friday',
      '2025-05-26': 'Memorial Day',
      '2025-06-19': 'Juneteenth National Independence Day',
      '2025-07-04': 'Independence Day',
      '2025-09-01': 'Labor Day',
      '2025-11-27': 'Thanksgiving Day',
      '2025-12-25': 'Christmas Day',
    },
    earlyCloses: {
      '2025-07-03': 'Day before Independence Day',
      '2025-11-28': 'Day after Thanksgiving',
      '2025-12-24': 'Christmas Eve',
    },
  },
  2026: {
    closed: {
      '2026-01-01': "New Year's Day",
      '2026-01-19': 'Martin Luther King Jr. Day',
      '2026-02-16': "Washington's Birthday",
      '2026-04-03': 'Good Friday',
      '2026-05-25': 'Memorial Day',
      '2026-06-19': 'Juneteenth National Independence Day',
      '2026-07-03': 'Independence Day (observed)',
      '2026-09-07': 'Labor Day',
      '2026-11-26': 'Thanksgiving Day',
      '2026-12-25': 'Christmas Day',
    },
    earlyCloses: {
      '2026-11-27': 'Day after Thanksgiving',
      '2026-12-24': 'Christmas Eve',
    },
  },
  2027: {
    closed: {
      '2027-01-01': "New Year's Day",
      '2027-01-18': 'Martin Luther King Jr. Day',
      '2027-02-15': "Washington's Birthday",
      '2027-03-26': 'Good Friday',
      '2027-05-31': 'Memorial Day',
      '2027-06-18': 'Juneteenth National Independence Day (observed)',
      '2027-07-05': 'Independence Day (observed)',
      '2027-09-06': 'Labor Day',
      '2027-11-25': 'Thanksgiving Day',
      '2027-12-24': 'Christmas Day (observed)',
    },
    earlyCloses: {
      '2027-11-26': 'Day after Thanksgiving',
    },
  },
  // New Year's Day 2028 is a Saturday and is not observed (NYSE Rule 7.2): 2027-12-31 trades
  // normally.
  2028: {
    closed: {
      '2028-01-17': 'Martin Luther King Jr. Day',
      '2028-02-21': "Washington's Birthday",
      '2028-04-14': 'Good Friday',
      '2028-05-29': 'Memorial Day',
      '2028-06-19': 'Juneteenth National Independence Day',
      '2028-07-04': 'Independence Day',
      '2028-09-04': 'Labor Day',
      '2028-11-23': 'Thanksgiving Day',
      '2028-12-25': 'Christmas Day',
    },
    earlyCloses: {
      '2028-07-03': 'Day before Independence Day',
      '2028-11-24': 'Day after Thanksgiving',
    },
  },
};
