-- The timed part of the floor (run.sh): both tables copied from CSV in one transaction (psql -1).
-- psql variables: schema, unit_csv, variant_csv (quoted file names).
\set ON_ERROR_STOP 1
SET search_path = :schema;
\set copy_unit '\\copy unit FROM ' :unit_csv ' WITH (FORMAT csv)'
\set copy_variant '\\copy variant FROM ' :variant_csv ' WITH (FORMAT csv)'
:copy_unit
:copy_variant
