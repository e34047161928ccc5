import { Line, LineChart, Tooltip, YAxis } from 'recharts';

interface Point {
  month: string;
  received: number;
}

/** Dossiers per month over twelve months, small enough for a table cell. */
export function Sparkline({ points, testId }: { points: readonly Point[]; testId?: string }) {
  return (
    <div className="sparkline" data-testid={testId}>
      <LineChart width={110} height={28} data={[...points]}>
        <YAxis hide domain={[0, 'dataMax']} />
        <Tooltip
          formatter={(value) => [String(value), '']}
          labelFormatter={(_, payload) => String(payload?.[0]?.payload?.month ?? '')}
          wrapperStyle={{ fontSize: 11 }}
        />
        <Line
          type="monotone"
          dataKey="received"
          stroke="#1d4ed8"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
