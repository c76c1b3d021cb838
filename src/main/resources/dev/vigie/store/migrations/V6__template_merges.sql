-- A template that grew to cover another absorbs it: the absorbed row stays (events name it) and
-- points to the template that took it over.
ALTER TABLE templates ADD COLUMN merged_into TEXT;
