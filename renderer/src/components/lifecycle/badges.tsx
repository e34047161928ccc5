import { useTranslation } from 'react-i18next';
import type { DossierTimeliness } from '../../../../electron/api/calls/dossiers';
import type { ProcedureLevelStatus } from '../../../../electron/api/calls/procedures';
import type { ServiceLevel } from '../../../../electron/api/schemas';

const STATUS_CLASS: Record<ProcedureLevelStatus, string> = {
  met: 'badge-ok',
  on_track: 'badge-warn',
  overdue: 'badge-error',
};

export function LevelBadge({ level, testId }: { level: ServiceLevel | null; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`level level-${level ?? 'none'}`}
      data-testid={testId}
      data-level={level ?? ''}
    >
      {t(`level.${level ?? 'none'}`)}
    </span>
  );
}

export function TargetStatusBadge({
  status,
  testId,
}: {
  status: ProcedureLevelStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_CLASS[status]}`} data-testid={testId} data-status={status}>
      {t(`levelStatus.${status}`)}
    </span>
  );
}

const TIMELINESS_CLASS: Record<DossierTimeliness, string> = {
  in_time: 'badge-ok',
  on_time: 'badge-ok',
  overdue: 'badge-error',
  late: 'badge-warn',
  no_deadline: '',
  cancelled: '',
};

export function TimelinessBadge({ value }: { value: DossierTimeliness }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TIMELINESS_CLASS[value]}`} data-timeliness={value}>
      {t(`timeliness.${value}`)}
    </span>
  );
}
