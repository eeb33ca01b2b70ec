import type { ModelView } from '../../../../core/contract/index';
import { count, date } from '../../format';

/** How well the fitted model ranked and calibrated past invoices, measured on a time split. */
export function ModelQualityCard({ model }: { model: ModelView | null }) {
  if (model === null) return null;
  return (
    <div className="card" aria-label="Model quality">
      <h2>How the score is made</h2>
      {model.method === 'scorecard' ? (
        <p>The ledger has too little payment history for a fitted model ({count(model.labelledCount)} settled invoices), so scores come from the documented scorecard. {model.reason}</p>
      ) : (
        <>
          <p>Scores come from a logistic regression fitted on {count(model.labelledCount)} settled invoices ({count(model.lateCount)} paid late), using only what was known on each invoice&apos;s date.</p>
          {model.quality === null ? <p className="hint">Too few invoices before the split date to measure quality.</p> : (
            <>
              <p className="hint">Measured on invoices issued on or after {date(model.quality.splitDate)}, scored by a model trained on the {count(model.quality.trainingCount)} invoices settled before that date.</p>
              <div className="kpis small">
                <div className="kpi"><span className="kpi-label">AUC</span><span className="kpi-value" data-testid="model-auc">{fixed(model.quality.auc)}</span></div>
                <div className="kpi"><span className="kpi-label">KS</span><span className="kpi-value">{fixed(model.quality.ks)}</span></div>
                <div className="kpi"><span className="kpi-label">Brier score</span><span className="kpi-value">{fixed(model.quality.brier)}</span></div>
                <div className="kpi"><span className="kpi-label">Invoices tested</span><span className="kpi-value">{count(model.quality.count)}</span></div>
              </div>
              <p className="hint">AUC: the chance that a late invoice scores higher than an on-time one (0.5 is guessing, 1 is perfect). KS: the largest gap between the two groups&apos; score distributions. Brier: mean squared error of the predicted probability (lower is better).</p>
              <h3>Calibration</h3>
              <table className="data-table compact" aria-label="Calibration">
                <thead><tr><th>Predicted</th><th className="number">Invoices</th><th className="number">Mean predicted</th><th className="number">Actually late</th></tr></thead>
                <tbody>{model.quality.calibration.map((bin, index) => (
                  <tr key={index}><td>{(bin.minPredicted * 100).toFixed(0)}–{(bin.maxPredicted * 100).toFixed(0)}%</td><td className="number">{count(bin.count)}</td><td className="number">{(bin.meanPredicted * 100).toFixed(1)}%</td><td className="number">{bin.count === 0 ? '—' : `${(bin.observedRate * 100).toFixed(1)}%`}</td></tr>
                ))}</tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}
