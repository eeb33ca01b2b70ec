import { bandColours } from './labels';

export function BandBadge({ band }: { band: string }) {
  return <span className="band-badge" data-band={band} title={`Band ${band}`}>{band}</span>;
}

export function ScoreBar({ score }: { score: number }) {
  return (
    <span className="score-bar" aria-label={`Score ${score} of 100`}>
      <span className="score-fill" data-score-step={Math.min(10, Math.floor(score / 10))} />
      <span className="score-value">{score}</span>
    </span>
  );
}

export { bandColours };
