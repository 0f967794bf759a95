-- Nothing reads the author count: pages and the API count the authors list itself.
ALTER TABLE paper DROP COLUMN author_count;
