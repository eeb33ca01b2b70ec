import { useEffect, useState } from 'react';

interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string;
  suggestions: string[];
  crackTime: string;
}

const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let estimator: Promise<(value: string) => Strength> | null = null;

/** Loads zxcvbn-ts with its English dictionaries on first use, so the first screen stays light. */
function loadEstimator(): Promise<(value: string) => Strength> {
  estimator ??= (async () => {
    const [core, common, english] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    const options = {
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    };
    const factory = new core.ZxcvbnFactory(options);
    return (value: string) => {
      const result = factory.check(value);
      return {
        score: result.score,
        warning: result.feedback.warning ?? '',
        suggestions: result.feedback.suggestions,
        crackTime: result.crackTimes.offlineSlowHashingXPerSecond.display,
      };
    };
  })();
  return estimator;
}

/** Shows how hard a passphrase is to guess, with zxcvbn's warning and suggestions. */
export function PassphraseStrength({ value, onScore }: { value: string; onScore?: (score: number) => void }) {
  const [strength, setStrength] = useState<Strength | null>(null);

  useEffect(() => {
    let current = true;
    if (value === '') {
      setStrength(null);
      onScore?.(0);
      return;
    }
    void loadEstimator().then((estimate) => {
      if (!current) return;
      const result = estimate(value);
      setStrength(result);
      onScore?.(result.score);
    });
    return () => {
      current = false;
    };
  }, [value, onScore]);

  if (strength === null) return <div className="strength" aria-live="polite" />;
  return (
    <div className="strength" aria-live="polite" data-testid="passphrase-strength">
      <div className="strength-bar" data-score={strength.score}>
        {[0, 1, 2, 3].map((step) => (
          <span key={step} className={step < strength.score ? 'filled' : ''} />
        ))}
      </div>
      <span className="strength-label">{labels[strength.score]}</span>
      {strength.warning !== '' && <p className="hint warning">{strength.warning}</p>}
      {strength.suggestions.slice(0, 2).map((suggestion) => (
        <p key={suggestion} className="hint">{suggestion}</p>
      ))}
    </div>
  );
}
