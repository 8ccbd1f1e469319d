import type { ProbabilityShift } from '../core/probabilityShift';
import { formatPercent } from '../viz/format';
import { ByteNote } from './ByteNote';
import { SideScroll } from './SideScroll';

// One table for every intervention (an injected vector, switched-off heads): the next-token
// probabilities before and after, and the change in percentage points.

const SIGNIFICANT = 0.00005; // below 0.005 points the change rounds to zero

function signedPoints(d: number): string {
  const points = (Math.abs(d) * 100).toFixed(2);
  return d > SIGNIFICANT ? `+${points}` : d < -SIGNIFICANT ? `−${points}` : '0.00';
}

export function ShiftTable(props: {
  rows: readonly ProbabilityShift[];
  label: (id: number) => string;
  headers: { token: string; before: string; after: string; change: string };
  testId?: string;
}) {
  const maxP = Math.max(1e-9, ...props.rows.flatMap((r) => [r.before, r.after]));
  const bar = (p: number) => <span className="shift-bar" style={{ width: `${(p / maxP) * 100}%` }} />;
  return (
    <SideScroll>
      <table className="shift-table" data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{props.headers.token}</th>
            <th scope="col">{props.headers.before}</th>
            <th scope="col">{props.headers.after}</th>
            <th scope="col">{props.headers.change}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id} className={r.delta > SIGNIFICANT ? 'up' : r.delta < -SIGNIFICANT ? 'down' : undefined}>
              <th scope="row">
                <span className="token-chip">{props.label(r.id)}</span>
              </th>
              <td>
                {bar(r.before)}
                <span className="num">{formatPercent(r.before, 2)}</span>
              </td>
              <td>
                {bar(r.after)}
                <span className="num">{formatPercent(r.after, 2)}</span>
              </td>
              <td className="num shift-delta" data-testid="shift-delta">
                {signedPoints(r.delta)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ByteNote labels={props.rows.map((r) => props.label(r.id))} />
    </SideScroll>
  );
}
