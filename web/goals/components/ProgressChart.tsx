import { useTranslation } from "react-i18next";
import type { ShownPoint } from "../goals.server.ts";

const width = 320;
const height = 140;
const left = 40;
const right = 12;
const top = 12;
const bottom = 28;

/** Where each point sits: across by its time (evenly when all are at one moment), up by its percentage. */
function positions(points: readonly ShownPoint[]) {
  const times = points.map((point) => new Date(point.at).getTime());
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const plotWidth = width - left - right;
  return points.map((point, index) => ({
    x:
      span > 0
        ? left + ((times[index]! - first) / span) * plotWidth
        : left + (points.length > 1 ? (index / (points.length - 1)) * plotWidth : plotWidth / 2),
    y: top + ((100 - point.progress) / 100) * (height - top - bottom),
  }));
}

/**
 * The history of a goal's progress as a small chart drawn on the server (no script), with the
 * same history as a table for screen readers and for anyone who wants the exact steps.
 */
export function ProgressChart({ points }: { points: readonly ShownPoint[] }) {
  const { t } = useTranslation();
  if (points.length === 0) return null;
  const placed = positions(points);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary = t("goals.history.chart", {
    first: first.progress,
    from: first.when,
    last: last.progress,
    to: last.when,
    count: points.length,
  });
  return (
    <>
      <figure className="goal-chart">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} focusable="false">
          {[0, 50, 100].map((value) => {
            const y = top + ((100 - value) / 100) * (height - top - bottom);
            return (
              <g key={value} className="goal-chart__grid">
                <line x1={left} x2={width - right} y1={y} y2={y} />
                <text x={left - 6} y={y + 4} textAnchor="end">{`${value}%`}</text>
              </g>
            );
          })}
          <text className="goal-chart__axis" x={left} y={height - 6} textAnchor="start">
            {first.axis}
          </text>
          {points.length > 1 ? (
            <text className="goal-chart__axis" x={width - right} y={height - 6} textAnchor="end">
              {last.axis}
            </text>
          ) : null}
          <polyline
            className="goal-chart__line"
            points={placed.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")}
          />
          {placed.map(({ x, y }, index) => (
            <circle key={points[index]!.id} className="goal-chart__dot" cx={x} cy={y} r={4} />
          ))}
        </svg>
      </figure>
      <div className="table-scroll">
        <table className="goal-history">
          <caption>{t("goals.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("goals.history.when")}</th>
              <th scope="col">{t("goals.history.value")}</th>
              <th scope="col">{t("goals.history.by")}</th>
              <th scope="col">{t("goals.history.note")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.id}>
                <td>{point.when}</td>
                <td>{`${point.progress}%`}</td>
                <td>{point.by}</td>
                <td>{point.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
