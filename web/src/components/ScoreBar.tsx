/** A score from 0 to 1 as a bar with its number; the threshold is marked. */
export function ScoreBar({ score, match, threshold }: { score: number; match?: boolean; threshold?: number }) {
  return (
    <span className="scorebar" title={`score ${score.toFixed(3)}${threshold !== undefined ? `, threshold ${threshold}` : ''}`}>
      <span className="scorebar-track" aria-hidden="true">
        <span className={`scorebar-fill ${match ? 'is-match' : ''}`} style={{ width: `${Math.max(0, Math.min(1, score)) * 100}%` }} />
        {threshold !== undefined ? <span className="scorebar-threshold" style={{ left: `${threshold * 100}%` }} /> : null}
      </span>
      <span className="scorebar-num">{score.toFixed(2)}</span>
    </span>
  );
}

/** A feature's contribution (−1..+1) as a bar left or right of zero. */
export function ContributionBar({ value }: { value: number }) {
  const w = Math.min(1, Math.abs(value)) * 50;
  return (
    <span className="contrib" aria-label={`contribution ${value >= 0 ? '+' : ''}${value}`}>
      <span className="contrib-track" aria-hidden="true">
        <span className={`contrib-fill ${value < 0 ? 'neg' : 'pos'}`} style={value < 0 ? { right: '50%', width: `${w}%` } : { left: '50%', width: `${w}%` }} />
      </span>
      <span className="contrib-num">{value >= 0 ? '+' : ''}{value.toFixed(2)}</span>
    </span>
  );
}
