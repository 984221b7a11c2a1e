-- The working calendar that deadlines are counted on (domain: incidents/working-calendar.ts).
-- Default office hours, and China's 2026 public holidays with their make-up working days (调休), from
-- 国务院办公厅关于2026年部分节假日安排的通知 of 2025-11-04 (published by Xinhua, gov.cn/zhengce).
-- working_calendar_days holds exceptions to the Monday–Friday week only, so the weekend days inside a
-- holiday (e.g. 1月3日, 2月15日, 4月4–5日) are not listed: they are days off anyway.
-- Later years are added by the administrators once the State Council publishes them (usually in November).

INSERT INTO working_hours (effective_from, starts_at, ends_at)
VALUES
  (DATE '2000-01-01', TIME '08:30', TIME '12:00'),
  (DATE '2000-01-01', TIME '14:00', TIME '17:30')
ON CONFLICT DO NOTHING;

INSERT INTO working_calendar_days (day, is_working_day, note)
SELECT v.day::date, v.is_working_day, v.note
FROM (VALUES
  ('2026-01-01', false, '元旦'),
  ('2026-01-02', false, '元旦'),
  ('2026-01-04', true, '元旦调休上班(周日)'),
  ('2026-02-14', true, '春节调休上班(周六)'),
  ('2026-02-16', false, '春节'),
  ('2026-02-17', false, '春节'),
  ('2026-02-18', false, '春节'),
  ('2026-02-19', false, '春节'),
  ('2026-02-20', false, '春节'),
  ('2026-02-23', false, '春节'),
  ('2026-02-28', true, '春节调休上班(周六)'),
  ('2026-04-06', false, '清明节'),
  ('2026-05-01', false, '劳动节'),
  ('2026-05-04', false, '劳动节'),
  ('2026-05-05', false, '劳动节'),
  ('2026-05-09', true, '劳动节调休上班(周六)'),
  ('2026-06-19', false, '端午节'),
  ('2026-09-20', true, '国庆节调休上班(周日)'),
  ('2026-09-25', false, '中秋节'),
  ('2026-10-01', false, '国庆节'),
  ('2026-10-02', false, '国庆节'),
  ('2026-10-05', false, '国庆节'),
  ('2026-10-06', false, '国庆节'),
  ('2026-10-07', false, '国庆节'),
  ('2026-10-10', true, '国庆节调休上班(周六)')
) AS v (day, is_working_day, note)
ON CONFLICT (day) DO NOTHING;
