import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard } from '../../../../electron/api/calls/indicators';

const label = (month: string) => `${month.slice(5)}/${month.slice(2, 4)}`;

/** Twelve months: dossiers by channel (stacked) and the on-time rate. */
export function DashboardCharts({ months }: { months: Dashboard['months'] }) {
  const { t } = useTranslation();
  const data = months.map((m) => ({ ...m, label: label(m.month) }));
  return (
    <div className="charts" data-testid="dashboard-charts">
      <section className="card">
        <h3>{t('dashboard.channelsChart')}</h3>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis fontSize={11} width={50} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="inPerson"
              stackId="c"
              name={t('channel.in_person')}
              fill="#94a3b8"
              isAnimationActive={false}
            />
            <Bar
              dataKey="onlineAssisted"
              stackId="c"
              name={t('channel.online_assisted')}
              fill="#2563eb"
              isAnimationActive={false}
            />
            <Bar
              dataKey="postal"
              stackId="c"
              name={t('channel.postal')}
              fill="#f59e0b"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <section className="card">
        <h3>{t('dashboard.onTimeChart')}</h3>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis fontSize={11} width={40} domain={[0, 100]} />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="onTimeRate"
              name={t('indicator.onTimeRate')}
              stroke="#16a34a"
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </section>
    </div>
  );
}
