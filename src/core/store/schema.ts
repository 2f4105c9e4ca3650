/**
 * Schema migrations, keyed by PRAGMA user_version. Rule: never edit a shipped
 * migration; add the next one. Each runs in its own transaction.
 */
import type { Database } from 'better-sqlite3'

export interface Migration {
  version: number
  up(db: Database): void
}

const FTS_TOKENIZER = `tokenize = 'porter unicode61 remove_diacritics 2'`

/** FTS5 external-content index kept in sync by triggers, inside the writer's transaction. */
function ftsFor(table: string, columns: string[], options = ''): string {
  const cols = columns.join(', ')
  const newCols = columns.map((c) => `new.${c}`).join(', ')
  const oldCols = columns.map((c) => `old.${c}`).join(', ')
  return `
    CREATE VIRTUAL TABLE ${table}_fts USING fts5(${cols}, content='${table}', content_rowid='seq', ${FTS_TOKENIZER}${options});
    CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${table}_fts(rowid, ${cols}) VALUES (new.seq, ${newCols});
    END;
    CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) VALUES ('delete', old.seq, ${oldCols});
    END;
    CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${cols} ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) VALUES ('delete', old.seq, ${oldCols});
      INSERT INTO ${table}_fts(rowid, ${cols}) VALUES (new.seq, ${newCols});
    END;`
}

export const migrations: Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE articles (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
          source_path TEXT,
          source_url TEXT,
          byline TEXT,
          published_at TEXT,
          imported_at TEXT NOT NULL,
          content_hash TEXT NOT NULL UNIQUE,
          text TEXT NOT NULL,
          content_html TEXT
        );

        CREATE TABLE sections (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'quarantined')),
          -- what a quarantined section becomes when restored
          base_kind TEXT NOT NULL CHECK (base_kind IN ('heading', 'paragraph')),
          level INTEGER,
          text TEXT NOT NULL,
          start_offset INTEGER NOT NULL,
          end_offset INTEGER NOT NULL,
          quarantine_reason TEXT,
          UNIQUE (article_id, ordinal)
        );

        CREATE TABLE excerpts (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          section_id TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
          exact TEXT NOT NULL,
          prefix TEXT NOT NULL,
          suffix TEXT NOT NULL,
          start_offset INTEGER NOT NULL,
          end_offset INTEGER NOT NULL,
          color TEXT NOT NULL,
          comment TEXT NOT NULL DEFAULT '',
          anchor_status TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor_status IN ('anchored', 'fuzzy', 'orphaned')),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE INDEX excerpts_by_article ON excerpts (article_id, start_offset);
        CREATE INDEX excerpts_by_section ON excerpts (section_id);

        CREATE TABLE tags (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL UNIQUE COLLATE NOCASE,
          color TEXT,
          created_at TEXT NOT NULL
        );

        CREATE TABLE excerpt_tags (
          excerpt_id TEXT NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
          tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
          PRIMARY KEY (excerpt_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX excerpt_tags_by_tag ON excerpt_tags (tag_id);

        CREATE TABLE notes (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL DEFAULT '',
          content TEXT NOT NULL,
          text TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );

        -- Derived from notes.content on every save. Targets are not foreign keys:
        -- a note keeps pointing at an excerpt that was deleted (its card shows a snapshot).
        CREATE TABLE note_links (
          note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
          target_type TEXT NOT NULL CHECK (target_type IN ('section', 'excerpt')),
          target_id TEXT NOT NULL,
          article_id TEXT NOT NULL,
          PRIMARY KEY (note_id, target_type, target_id)
        ) WITHOUT ROWID;
        CREATE INDEX note_links_by_target ON note_links (target_id);
        CREATE INDEX note_links_by_article ON note_links (article_id);

        ${ftsFor('articles', ['title', 'byline'])}
        ${ftsFor('sections', ['text'])}
        ${ftsFor('excerpts', ['exact', 'comment'])}
        ${ftsFor('notes', ['title', 'text'])}
      `)
    },
  },
]

const FTS_TABLES: Array<[string, string[]]> = [
  ['articles', ['title', 'byline']],
  ['sections', ['text']],
  ['excerpts', ['exact', 'comment']],
  ['notes', ['title', 'text']],
]

migrations.push({
  // Indexes for what the screens ask: a section by offset (every new excerpt), live excerpts of
  // one article, the trash's excerpts (tag counts subtract them); FTS prefix indexes so `diplom*`
  // reads a short prefix doclist instead of merging every term that starts so.
  version: 2,
  up(db) {
    db.exec(`
      CREATE INDEX sections_by_offset ON sections (article_id, start_offset);
      CREATE INDEX excerpts_deleted ON excerpts (deleted_at) WHERE deleted_at IS NOT NULL;
    `)
    for (const [table, columns] of FTS_TABLES) {
      db.exec(`
        DROP TRIGGER ${table}_fts_insert; DROP TRIGGER ${table}_fts_delete; DROP TRIGGER ${table}_fts_update;
        DROP TABLE ${table}_fts;
        ${ftsFor(table, columns, `, prefix = '2 3'`)}
        INSERT INTO ${table}_fts(${table}_fts) VALUES ('rebuild');`)
    }
  },
})

migrations.push({
  // Books and papers (issue 10): PDF, EPUB and .docx imports. `format` stays how the content is
  // stored (text for a PDF, html for an EPUB or .docx), so its CHECK is untouched; `source_format`
  // is what the file was (existing rows get their format; a row inserted without it reads as its
  // format). A PDF's sections keep the page each starts on, for citations ("p. 4, ¶2"); NULL elsewhere.
  version: 4,
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN source_format TEXT
        CHECK (source_format IN ('text', 'markdown', 'html', 'pdf', 'epub', 'docx'));
      UPDATE articles SET source_format = format;
      ALTER TABLE sections ADD COLUMN page INTEGER CHECK (page >= 1);
    `)
  },
})

migrations.push({
  // Image captions (issue 10): a section the import found to be a picture's caption has role
  // 'caption' (the reader shows it as a caption, not as a body paragraph); NULL for every other
  // section, old ones included. A new column, so the kind CHECK of version 1 is untouched.
  version: 5,
  up(db) {
    db.exec(`ALTER TABLE sections ADD COLUMN role TEXT CHECK (role IN ('caption'));`)
  },
})

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version
