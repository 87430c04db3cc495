-- Flat views for data tools (Datasette, sqlite-utils, pandas.read_sql): one column per field.
-- Events: the merged events when the cross-article step has run, else the per-article ones (as
-- Store.events()); actor ids and names are the canonical actors of the merge.

CREATE VIEW IF NOT EXISTS events_flat AS
WITH chosen AS (
  SELECT id, date_lo, date_hi, status, type, n_sources, data FROM merged_events
  UNION ALL
  SELECT id, date_lo, date_hi, status, type, 1, data FROM events
  WHERE NOT EXISTS (SELECT 1 FROM merged_events)
)
SELECT
  e.id                                             AS id,
  json_extract(e.data, '$.date')                   AS date,
  CASE length(json_extract(e.data, '$.date')) WHEN 4 THEN 'year' WHEN 7 THEN 'month'
       WHEN 10 THEN 'day' ELSE NULL END            AS date_precision,
  e.date_lo                                        AS date_first_day,
  e.date_hi                                        AS date_last_day,
  e.status                                         AS status,
  e.type                                           AS plover_type,
  json_extract(e.data, '$.mode')                   AS plover_mode,
  json_extract(e.data, '$.cameo')                  AS cameo,
  json_extract(e.data, '$.goldstein')              AS goldstein,
  json_extract(e.data, '$.quad')                   AS quad,
  coalesce(c1.id, json_extract(e.data, '$.actor1.actor_id'))    AS actor1_id,
  coalesce(c1.name, json_extract(e.data, '$.actor1.name'))      AS actor1_name,
  coalesce(c1.country, json_extract(e.data, '$.actor1.country')) AS actor1_country,
  coalesce(json_extract(c1.data, '$.sector'), json_extract(e.data, '$.actor1.sector')) AS actor1_sector,
  coalesce(c2.id, json_extract(e.data, '$.actor2.actor_id'))    AS actor2_id,
  coalesce(c2.name, json_extract(e.data, '$.actor2.name'))      AS actor2_name,
  coalesce(c2.country, json_extract(e.data, '$.actor2.country')) AS actor2_country,
  coalesce(json_extract(c2.data, '$.sector'), json_extract(e.data, '$.actor2.sector')) AS actor2_sector,
  json_extract(e.data, '$.location.name')          AS place,
  json_extract(e.data, '$.location.country')       AS place_country,
  json_extract(e.data, '$.location.adm1')          AS place_adm1,
  json_extract(e.data, '$.location.lat')           AS latitude,
  json_extract(e.data, '$.location.lon')           AS longitude,
  json_extract(e.data, '$.location.geonames_id')   AS geonames_id,
  json_extract(e.data, '$.trigger')                AS trigger,
  e.n_sources                                      AS n_sources,
  json_array_length(e.data, '$.sources')           AS n_articles,
  json_extract(e.data, '$.sources[0].article_id')  AS first_article_id,
  json_extract(e.data, '$.sources[0].outlet')      AS first_outlet,
  json_extract(e.data, '$.sources[0].published')   AS first_published,
  a.url                                            AS first_source_url,
  json_extract(e.data, '$.sources[0].sentence')    AS evidence
FROM chosen e
LEFT JOIN actor_map m1 ON m1.local_id = json_extract(e.data, '$.actor1.actor_id')
LEFT JOIN actors c1 ON c1.id = coalesce(m1.actor_id, json_extract(e.data, '$.actor1.actor_id'))
LEFT JOIN actor_map m2 ON m2.local_id = json_extract(e.data, '$.actor2.actor_id')
LEFT JOIN actors c2 ON c2.id = coalesce(m2.actor_id, json_extract(e.data, '$.actor2.actor_id'))
LEFT JOIN articles a ON a.id = json_extract(e.data, '$.sources[0].article_id');

CREATE VIEW IF NOT EXISTS quotes_flat AS
SELECT
  q.id                                     AS id,
  q.article_id                             AS article_id,
  json_extract(q.data, '$.date')           AS date,
  coalesce(c.id, q.speaker_actor_id)       AS speaker_id,
  coalesce(c.name, q.speaker)              AS speaker,
  c.country                                AS speaker_country,
  q.kind                                   AS kind,
  json_extract(q.data, '$.cue')            AS cue,
  q.text                                   AS text,
  json_extract(q.data, '$.sentence')       AS sentence,
  a.headline                               AS headline,
  a.outlet                                 AS outlet,
  a.published                              AS published,
  a.url                                    AS url
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN actor_map m ON m.local_id = q.speaker_actor_id
LEFT JOIN actors c ON c.id = coalesce(m.actor_id, q.speaker_actor_id);
