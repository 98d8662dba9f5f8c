/**
 * The error Go's time.Parse gives for metav1.Time (layout RFC3339) and metav1.MicroTime
 * (RFC3339 with exactly six fractional digits), or undefined when the text parses.
 * A port of the parts of upstream time/format.go those two layouts exercise.
 */

const RFC3339 = '2006-01-02T15:04:05Z07:00';
const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

type Step = { literal: string } | { std: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'micro' | 'zone'; text: string };

const STEPS = (micro: boolean): Step[] => [
  { std: 'year', text: '2006' }, { literal: '-' }, { std: 'month', text: '01' }, { literal: '-' },
  { std: 'day', text: '02' }, { literal: 'T' }, { std: 'hour', text: '15' }, { literal: ':' },
  { std: 'minute', text: '04' }, { literal: ':' }, { std: 'second', text: '05' },
  ...(micro ? [{ std: 'micro', text: '.000000' } as Step] : []),
  { std: 'zone', text: 'Z07:00' },
];

const isDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

/** upstream getnum: one or two digits, exactly two when fixed. */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function timeError(value: string, micro = false): string | undefined {
  const layout = micro ? RFC3339_MICRO : RFC3339;
  const q = (s: string): string => JSON.stringify(s);
  const cannot = (elem: string, rest: string): string =>
    `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(rest)} as ${q(elem)}`;
  const outOfRange = (what: string): string => `parsing time ${q(value)}: ${what} out of range`;
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const step of STEPS(micro)) {
    if ('literal' in step) {
      if (!rest.startsWith(step.literal)) return cannot(step.literal, rest);
      rest = rest.slice(step.literal.length);
      continue;
    }
    const hold = rest;
    switch (step.std) {
      case 'year': {
        if (rest.length < 4 || !/^\d{4}/.test(rest)) return cannot(step.text, hold);
        year = Number(rest.slice(0, 4));
        rest = rest.slice(4);
        break;
      }
      case 'zone': {
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') return cannot(step.text, hold);
        const hr = getnum(rest.slice(1, 3), true);
        const mm = hr && getnum(rest.slice(4, 6), true);
        // upstream: range problems are reported before a bad sign or bad digits.
        if (mm && mm[0] > 60) return outOfRange('time zone offset minute');
        if (hr && hr[0] > 24) return outOfRange('time zone offset hour');
        if (!hr || !mm || !'+-'.includes(rest[0])) return cannot(step.text, hold);
        rest = rest.slice(6);
        break;
      }
      case 'micro': {
        if (rest.length < 7 || rest[0] !== '.' || !/^\.\d{6}/.test(rest)) return cannot(step.text, hold);
        rest = rest.slice(7);
        break;
      }
      default: {
        const fixed = step.std !== 'hour';
        const got = getnum(rest, fixed);
        if (!got) return cannot(step.text, hold);
        const [n, after] = got;
        rest = after;
        if (step.std === 'month') {
          if (n <= 0 || n > 12) return outOfRange('month');
          month = n;
        } else if (step.std === 'day') day = n;
        else if (step.std === 'hour' && n >= 24) return outOfRange('hour');
        else if (step.std === 'minute' && n >= 60) return outOfRange('minute');
        else if (step.std === 'second') {
          if (n >= 60) return outOfRange('second');
          // upstream: a fraction after the seconds is accepted even when the layout has none.
          if (!micro && rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
            rest = rest.replace(/^[.,]\d+/, '');
          }
        }
      }
    }
  }
  if (rest.length > 0) return `parsing time ${q(value)}: extra text: ${q(rest)}`;
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day');
  return undefined;
}
