-- Full-text search over articles (SQLite): an FTS5 index over title and text, kept in step with
-- the articles table by triggers. remove_diacritics 2 folds accents: "securite" finds "sécurité".
CREATE VIRTUAL TABLE article_search USING fts5(
  title, text, content = 'articles', content_rowid = 'rowid',
  tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_search(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  INSERT INTO article_search(article_search, rowid, title, text)
  VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO article_search(article_search, rowid, title, text)
  VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO article_search(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
