-- Living persons by residency and households, per grid, kept by triggers: the drill-down's city and district counts
-- add up eight thousand rows instead of reading five million persons.
CREATE TABLE grid_population_counts (
  grid_id integer PRIMARY KEY REFERENCES grids (id) ON DELETE CASCADE,
  registered integer NOT NULL DEFAULT 0,
  floating integer NOT NULL DEFAULT 0,
  "foreign" integer NOT NULL DEFAULT 0,
  households integer NOT NULL DEFAULT 0
);

-- Adds the living persons of `added` and takes away those of `removed` (either may be empty), per grid. Only sums:
-- concurrent writers meet on the grid's row lock and each adds its own share.
CREATE FUNCTION count_grid_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO grid_population_counts AS c (grid_id, registered, floating, "foreign")
    SELECT grid_id, count(*) FILTER (WHERE residency = 'registered'), count(*) FILTER (WHERE residency = 'floating'),
           count(*) FILTER (WHERE residency = 'foreign')
    FROM added WHERE grid_id IS NOT NULL AND deregistered_on IS NULL GROUP BY grid_id ORDER BY grid_id
    ON CONFLICT (grid_id) DO UPDATE SET registered = c.registered + excluded.registered,
      floating = c.floating + excluded.floating, "foreign" = c."foreign" + excluded."foreign";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE grid_population_counts c SET registered = c.registered - gone.registered, floating = c.floating - gone.floating,
      "foreign" = c."foreign" - gone."foreign"
    FROM (SELECT grid_id, count(*) FILTER (WHERE residency = 'registered') AS registered, count(*) FILTER (WHERE residency = 'floating') AS floating,
                 count(*) FILTER (WHERE residency = 'foreign') AS "foreign"
          FROM removed WHERE grid_id IS NOT NULL AND deregistered_on IS NULL GROUP BY grid_id) gone
    WHERE c.grid_id = gone.grid_id;
  ELSE
    INSERT INTO grid_population_counts AS c (grid_id, registered, floating, "foreign")
    SELECT grid_id, coalesce(sum(step) FILTER (WHERE residency = 'registered'), 0), coalesce(sum(step) FILTER (WHERE residency = 'floating'), 0),
           coalesce(sum(step) FILTER (WHERE residency = 'foreign'), 0)
    FROM (SELECT side.grid_id, side.residency, side.step
          FROM removed o JOIN added n ON n.id = o.id
          CROSS JOIN LATERAL (VALUES (o.grid_id, o.residency, o.deregistered_on IS NULL, -1), (n.grid_id, n.residency, n.deregistered_on IS NULL, 1))
            AS side (grid_id, residency, living, step)
          WHERE side.living AND side.grid_id IS NOT NULL
            AND (o.grid_id, o.residency, o.deregistered_on IS NULL) IS DISTINCT FROM (n.grid_id, n.residency, n.deregistered_on IS NULL)) moved
    GROUP BY grid_id ORDER BY grid_id
    ON CONFLICT (grid_id) DO UPDATE SET registered = c.registered + excluded.registered,
      floating = c.floating + excluded.floating, "foreign" = c."foreign" + excluded."foreign";
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION count_grid_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO grid_population_counts AS c (grid_id, households)
    SELECT grid_id, count(*) FROM added GROUP BY grid_id ORDER BY grid_id
    ON CONFLICT (grid_id) DO UPDATE SET households = c.households + excluded.households;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE grid_population_counts c SET households = c.households - gone.households
    FROM (SELECT grid_id, count(*) AS households FROM removed GROUP BY grid_id) gone WHERE c.grid_id = gone.grid_id;
  ELSE
    INSERT INTO grid_population_counts AS c (grid_id, households)
    SELECT grid_id, sum(step) FROM (
      SELECT o.grid_id, -1 AS step FROM removed o JOIN added n ON n.id = o.id WHERE o.grid_id <> n.grid_id
      UNION ALL
      SELECT n.grid_id, 1 FROM removed o JOIN added n ON n.id = o.id WHERE o.grid_id <> n.grid_id) moved
    GROUP BY grid_id ORDER BY grid_id
    ON CONFLICT (grid_id) DO UPDATE SET households = c.households + excluded.households;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION clear_grid_population_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'persons' THEN
    UPDATE grid_population_counts SET registered = 0, floating = 0, "foreign" = 0;
  ELSE
    UPDATE grid_population_counts SET households = 0;
  END IF;
  RETURN NULL;
END $$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER persons_grid_counts_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_grid_persons();
CREATE TRIGGER persons_grid_counts_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_grid_persons();
CREATE TRIGGER persons_grid_counts_delete AFTER DELETE ON persons
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_grid_persons();
CREATE TRIGGER persons_grid_counts_truncate AFTER TRUNCATE ON persons
  FOR EACH STATEMENT EXECUTE FUNCTION clear_grid_population_counts();
CREATE TRIGGER households_grid_counts_insert AFTER INSERT ON households
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_grid_households();
CREATE TRIGGER households_grid_counts_update AFTER UPDATE ON households
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_grid_households();
CREATE TRIGGER households_grid_counts_delete AFTER DELETE ON households
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_grid_households();
CREATE TRIGGER households_grid_counts_truncate AFTER TRUNCATE ON households
  FOR EACH STATEMENT EXECUTE FUNCTION clear_grid_population_counts();

-- What is there already.
INSERT INTO grid_population_counts (grid_id, registered, floating, "foreign", households)
SELECT g.id,
  coalesce(p.registered, 0), coalesce(p.floating, 0), coalesce(p."foreign", 0), coalesce(h.households, 0)
FROM grids g
LEFT JOIN (SELECT grid_id, count(*) FILTER (WHERE residency = 'registered') AS registered, count(*) FILTER (WHERE residency = 'floating') AS floating,
                  count(*) FILTER (WHERE residency = 'foreign') AS "foreign"
           FROM persons WHERE deregistered_on IS NULL AND grid_id IS NOT NULL GROUP BY grid_id) p ON p.grid_id = g.id
LEFT JOIN (SELECT grid_id, count(*) AS households FROM households GROUP BY grid_id) h ON h.grid_id = g.id
WHERE p.grid_id IS NOT NULL OR h.grid_id IS NOT NULL;
