/**
 * Schema migrations, keyed by PRAGMA user_version. Rule: never edit a shipped
 * migration; add the next one, after the last (schema.test.ts checks the order). Each runs in
 * its own transaction.
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

migrations.push({
  // Articles that change (issue 11; numbered after 4 and 5, which shipped first): an article goes
  // to the trash (deleted_at; its excerpts go with it, carrying the same deleted_at) and gets new
  // versions. The article row is always the newest version (its text, sections and excerpts), so
  // no existing query needs a version filter; `versions` keeps the ones it replaced, read-only.
  // Excerpts carry `verbatim` (their words are still those of the current version) and
  // `reviewed_at` (a re-anchoring the person has settled).
  version: 6,
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN deleted_at TEXT;
      -- the number of the version the row holds (1 for an article never re-imported)
      ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      -- when the current version came in; NULL for version 1 (then imported_at)
      ALTER TABLE articles ADD COLUMN version_imported_at TEXT;

      CREATE TABLE versions (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
        -- what the file was (articles.source_format); NULL reads as format
        source_format TEXT,
        text TEXT NOT NULL,
        content_html TEXT,
        content_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        -- in UTF-16 code units, as offsets count (SQLite's length() counts code points)
        text_length INTEGER NOT NULL,
        -- JSON [{id, ordinal, kind, level, start, end, page}]: the version's sections (ids are those the
        -- sections had then; a section that followed into the next version keeps its id)
        sections TEXT NOT NULL,
        UNIQUE (article_id, number)
      );

      ALTER TABLE excerpts ADD COLUMN verbatim INTEGER NOT NULL DEFAULT 1 CHECK (verbatim IN (0, 1));
      ALTER TABLE excerpts ADD COLUMN reviewed_at TEXT;

      -- the library: live articles by each sort, the trash, a new version found by its source
      CREATE INDEX articles_live_imported ON articles (imported_at DESC, seq DESC) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_published ON articles (published_at DESC, imported_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX articles_live_title ON articles (title COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE INDEX articles_trashed ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE INDEX articles_by_source_url ON articles (source_url) WHERE source_url IS NOT NULL;
      CREATE INDEX articles_by_source_path ON articles (source_path) WHERE source_path IS NOT NULL;
      -- the review queue (and each summary's reviewCount): live excerpts a new version unsettled
      CREATE INDEX excerpts_to_review ON excerpts (article_id, start_offset)
        WHERE anchor_status != 'anchored' AND deleted_at IS NULL AND reviewed_at IS NULL;
    `)
  },
})

migrations.push({
  // Research analysis (src/core/analysis): each article's quotations with their speakers, its
  // named entities and its dated events, derived from its sections at import and again for a new
  // version (`version` is the article version analysed). A user's speaker correction is keyed
  // by the quotation's words, so it outlives the rows a re-analysis replaces.
  version: 7,
  up(db) {
    db.exec(`
      CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        analyzed_at TEXT NOT NULL,
        ms REAL NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_kind TEXT NOT NULL CHECK (speaker_kind IN ('person', 'organization', 'unnamed', 'unknown')),
        speaker_name TEXT,
        speaker_description TEXT,
        -- the cue: its kind, words and offsets (NULL for a carry-over)
        cue_type TEXT NOT NULL,
        cue_text TEXT NOT NULL,
        cue_start INTEGER,
        cue_end INTEGER,
        confidence REAL NOT NULL,
        corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1))
      );
      CREATE INDEX quotes_by_article ON quotes (article_id, start_offset);
      CREATE INDEX quotes_by_speaker ON quotes (speaker_name) WHERE speaker_name IS NOT NULL;
      CREATE TABLE quote_corrections (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        -- the quotation's words, lower case, punctuation and spacing folded
        quote_key TEXT NOT NULL,
        speaker_kind TEXT NOT NULL CHECK (speaker_kind IN ('person', 'organization', 'unnamed', 'unknown')),
        speaker_name TEXT,
        speaker_description TEXT,
        corrected_at TEXT NOT NULL,
        PRIMARY KEY (article_id, quote_key)
      ) WITHOUT ROWID;
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
        name TEXT NOT NULL,
        -- JSON: the other forms of the name, and [start, end, ordinal, text] of each mention
        aliases TEXT NOT NULL,
        mentions TEXT NOT NULL
      );
      CREATE INDEX entities_by_article ON entities (article_id);
      CREATE INDEX entities_by_name ON entities (kind, name);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        date TEXT NOT NULL,
        guessed INTEGER NOT NULL CHECK (guessed IN (0, 1)),
        sentence TEXT NOT NULL
      );
      CREATE INDEX events_by_article ON events (article_id, start_offset);
      CREATE INDEX events_by_date ON events (date);
    `)
  },
})

migrations.push({
  // Sync (issue 15): the Yjs documents' updates as they were stored or received (`doc` is the
  // document's name: 'notebook' or 'note:<id>'), the sync settings, and the excerpt comments a
  // concurrent edit replaced (last writer wins; the other text is kept here to recover).
  version: 9,
  up(db) {
    db.exec(`
      CREATE TABLE sync_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE sync_updates (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX sync_updates_by_doc ON sync_updates (doc, seq);
      CREATE TABLE sync_replaced_comments (
        seq INTEGER PRIMARY KEY,
        excerpt_id TEXT NOT NULL,
        text TEXT NOT NULL,
        written_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL
      );
    `)
  },
})

migrations.push({
  // Section layouts (issue 12): the structure a section had in its source (list item, quote,
  // code, table row, inline marks, pictures) as JSON over its own text, NULL for a plain one; and
  // the pictures that came inside an import, once per article and content hash, removed with it.
  // Articles already here with stored HTML may get layouts derived once from it
  // (meta 'layout_backfill_until': the last article seq to look at).
  version: 10,
  up(db) {
    db.exec(`
      ALTER TABLE sections ADD COLUMN layout TEXT;
      CREATE TABLE media (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
        sha256 TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        UNIQUE (article_id, sha256)
      );
      INSERT INTO meta (key, value)
        SELECT 'layout_backfill_until', max(seq) FROM articles WHERE content_html IS NOT NULL HAVING max(seq) IS NOT NULL;
    `)
  },
})

migrations.push({
  // Reading positions (issue 12): where each article was left, in the notebook rather than the
  // page's storage (whose origin changes with the web shell's port). One row per article: the
  // section at the top of the reader (its ordinal too, for a new version that drops its id) and
  // how many px of it were scrolled past (negative: it starts below the top). Goes with its
  // article when the trash is emptied.
  version: 12,
  up(db) {
    db.exec(`
      CREATE TABLE reading_positions (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        section_id TEXT NOT NULL,
        section_ordinal INTEGER NOT NULL,
        past INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
})

migrations.push({
  // Research (issue 14): the entity index as a filter of the library and the excerpts. An entity is
  // looked up by its name, then its article (listArticles, listExcerpts by entity); the kind is
  // optional there, so it comes last (the index of version 7 began with it and could not serve).
  version: 13,
  up(db) {
    db.exec(`
      DROP INDEX entities_by_name;
      CREATE INDEX entities_by_name ON entities (name, article_id, kind);
    `)
  },
})

/** `name` is below `parent` (or is it), as tag names nest: "a/b" is below "a", NOCASE. */
const atOrBelow = (name: string, parent: string) =>
  `(${name} = ${parent} OR substr(${name}, 1, length(${parent}) + 1) = ${parent} || '/' COLLATE NOCASE)`
/** The distinct live excerpts carrying tag `tag` or any tag below it. */
const liveUnder = (tag: string) => `(SELECT count(DISTINCT et.excerpt_id) FROM tag_paths p
  JOIN excerpt_tags et ON et.tag_id = p.tag_id JOIN excerpts e ON e.id = et.excerpt_id
  WHERE p.ancestor_id = ${tag} AND e.deleted_at IS NULL)`
/** The live excerpts carrying tag `tag` itself. */
const liveOn = (tag: string) => `(SELECT count(*) FROM excerpt_tags et JOIN excerpts e ON e.id = et.excerpt_id
  WHERE et.tag_id = ${tag} AND e.deleted_at IS NULL)`
/**
 * The new tag's rows in tag_paths, made afresh: it under each tag at or above it, each tag below it
 * under it. No OR IGNORE: a trigger's statements take the conflict policy of the statement that
 * fired it (sync's upsert of a tag), so they must not conflict at all.
 */
const pathsOfNew = `
  DELETE FROM tag_paths WHERE tag_id = new.id OR ancestor_id = new.id;
  INSERT INTO tag_paths (tag_id, ancestor_id)
    SELECT new.id, a.id FROM tags a WHERE a.id = new.id OR ${atOrBelow('new.name', 'a.name')}
    UNION ALL SELECT d.id, new.id FROM tags d WHERE d.id <> new.id AND ${atOrBelow('d.name', 'new.name')};`
/** Links of excerpt `excerpt` become counted (sign +) or stop being counted (sign -). */
const excerptCounts = (excerpt: string, sign: '+' | '-') => `
  UPDATE tag_counts SET usage = usage ${sign} 1
    WHERE tag_id IN (SELECT tag_id FROM excerpt_tags WHERE excerpt_id = ${excerpt});
  UPDATE tag_counts SET total = total ${sign} 1 WHERE tag_id IN (
    SELECT p.ancestor_id FROM excerpt_tags et JOIN tag_paths p ON p.tag_id = et.tag_id WHERE et.excerpt_id = ${excerpt});`
/** One link of a live excerpt counted (+) or not (-): a tag's total moves only if the excerpt has no other link under it. */
const linkCounts = (link: 'new' | 'old', sign: '+' | '-') => `
  UPDATE tag_counts SET usage = usage ${sign} (tag_id = ${link}.tag_id),
    total = total ${sign} NOT EXISTS (SELECT 1 FROM excerpt_tags o JOIN tag_paths q ON q.tag_id = o.tag_id
      WHERE o.excerpt_id = ${link}.excerpt_id AND o.tag_id <> ${link}.tag_id AND q.ancestor_id = tag_counts.tag_id)
    WHERE tag_id IN (SELECT ancestor_id FROM tag_paths WHERE tag_id = ${link}.tag_id);`

/**
 * Schema 14's derived tables filled from the notebook's tags, links and trash: by the migration, and
 * by a restore (which copies the notebook's own tables and recounts rather than trust a copy's).
 */
export function recountTags(db: Database): void {
  db.exec(`
    DELETE FROM tag_paths;
    DELETE FROM tag_counts;
    INSERT INTO tag_paths (tag_id, ancestor_id)
      SELECT d.id, a.id FROM tags a JOIN tags d ON ${atOrBelow('d.name', 'a.name')};
    INSERT INTO tag_counts (tag_id, usage, total) SELECT t.id, ${liveOn('t.id')}, ${liveUnder('t.id')} FROM tags t;
  `)
}
/** Schema 16's live excerpts per article, counted afresh (the migration, a restore). */
export function recountArticles(db: Database): void {
  db.exec(`
    DELETE FROM article_counts;
    INSERT INTO article_counts (article_id, excerpts)
      SELECT a.id, (SELECT count(*) FROM excerpts e WHERE e.article_id = a.id AND e.deleted_at IS NULL)
      FROM articles a;
  `)
}

/** Every table derived from the others (kept by triggers); a restore leaves them out and recounts. */
export const DERIVED_TABLES = ['tag_paths', 'tag_counts', 'article_counts']

/** The derived tables filled afresh from the notebook's own. */
export function recountDerived(db: Database): void {
  recountTags(db)
  recountArticles(db)
}

migrations.push({
  // Tag counts kept as links and excerpts change (issue 8): listTags cost what its answer holds
  // (a row per tag), not a count over every link. tag_paths: each tag under itself and each tag
  // its name nests under ("a/b/c" under "a", "a/b"); tag_counts: a tag's live excerpts (usage) and
  // its distinct live excerpts counting its sub-tags' (total). Kept by triggers, so every writer
  // (excerpts, tags, articles' trash, sync, notebook import) keeps them without knowing of them.
  // A link counts while its excerpt is live (deleted_at IS NULL).
  version: 14,
  up(db) {
    db.exec(`
      CREATE TABLE tag_paths (
        tag_id TEXT NOT NULL,
        ancestor_id TEXT NOT NULL,
        PRIMARY KEY (tag_id, ancestor_id)
      ) WITHOUT ROWID;
      CREATE INDEX tag_paths_by_ancestor ON tag_paths (ancestor_id);
      CREATE TABLE tag_counts (
        tag_id TEXT PRIMARY KEY,
        usage INTEGER NOT NULL,
        total INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TRIGGER tag_counts_link AFTER INSERT ON excerpt_tags
        WHEN EXISTS (SELECT 1 FROM excerpts WHERE id = new.excerpt_id AND deleted_at IS NULL)
      BEGIN ${linkCounts('new', '+')} END;
      -- a purged excerpt's links go after it (cascade), uncounted: its BEFORE DELETE uncounted them
      CREATE TRIGGER tag_counts_unlink AFTER DELETE ON excerpt_tags
        WHEN EXISTS (SELECT 1 FROM excerpts WHERE id = old.excerpt_id AND deleted_at IS NULL)
      BEGIN ${linkCounts('old', '-')} END;

      CREATE TRIGGER tag_counts_trash AFTER UPDATE OF deleted_at ON excerpts
        WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL
      BEGIN ${excerptCounts('new.id', '-')} END;
      CREATE TRIGGER tag_counts_restore AFTER UPDATE OF deleted_at ON excerpts
        WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL
      BEGIN ${excerptCounts('new.id', '+')} END;
      CREATE TRIGGER tag_counts_excerpt_gone BEFORE DELETE ON excerpts WHEN old.deleted_at IS NULL
      BEGIN ${excerptCounts('old.id', '-')} END;

      -- a new tag may arrive after tags below it (sync, a rename's new parents): counted in full
      CREATE TRIGGER tag_paths_insert AFTER INSERT ON tags
      BEGIN
        ${pathsOfNew}
        DELETE FROM tag_counts WHERE tag_id = new.id;
        INSERT INTO tag_counts (tag_id, usage, total) VALUES (new.id, ${liveOn('new.id')}, ${liveUnder('new.id')});
      END;
      -- a move changes the subtrees of the tag and of the tags above it, before and after
      CREATE TRIGGER tag_paths_rename AFTER UPDATE OF name ON tags
      BEGIN
        ${pathsOfNew}
        UPDATE tag_counts SET total = ${liveUnder('tag_counts.tag_id')}
          WHERE tag_id IN (SELECT id FROM tags WHERE ${atOrBelow('old.name', 'name')} OR ${atOrBelow('new.name', 'name')});
      END;
      -- its links first, each uncounted while the tag's paths still say what it is under
      CREATE TRIGGER tag_paths_delete_links BEFORE DELETE ON tags
      BEGIN DELETE FROM excerpt_tags WHERE tag_id = old.id; END;
      CREATE TRIGGER tag_paths_delete AFTER DELETE ON tags
      BEGIN
        DELETE FROM tag_paths WHERE tag_id = old.id OR ancestor_id = old.id;
        DELETE FROM tag_counts WHERE tag_id = old.id;
      END;
    `)
    recountTags(db)
  },
})

migrations.push({
  // Entity names with their counts (listEntityNames, the Names pickers) read from one index, never
  // the mentions: each entity row keeps its number of mentions, and (article, kind, name, count)
  // covers the notebook's GROUP BY and an article's list. It replaces entities_by_article, its prefix.
  // Safe to run again: a notebook whose user_version was set back (as tagCounts.test does) has them.
  version: 15,
  up(db) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info('entities')`).pluck().all()
    if (!columns.includes('mention_count'))
      db.exec(`ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0`)
    db.exec(`
      UPDATE entities SET mention_count = json_array_length(mentions);
      DROP INDEX IF EXISTS entities_by_article;
      CREATE INDEX IF NOT EXISTS entities_counts ON entities (article_id, kind, name, mention_count);
    `)
  },
})

/** An excerpt's part in its article's count: 1 while it is live. */
const live = (row: 'new' | 'old') => `(${row}.deleted_at IS NULL)`

migrations.push({
  // Each article's live excerpts kept as excerpts change (issue 8): listArticles read every
  // excerpt of every article to count them, 87 ms at 100,000 excerpts for the same 1,000 rows.
  // A table of its own: a count on the article's row would rewrite its text at every excerpt.
  // Kept by triggers, so every writer (excerpts, articles' trash, sync, notebook import) keeps it.
  // Safe to run again (tagCounts.test sets user_version back on a current notebook).
  version: 16,
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS article_counts (
        article_id TEXT PRIMARY KEY,
        excerpts INTEGER NOT NULL
      ) WITHOUT ROWID;
      DROP TRIGGER IF EXISTS article_counts_excerpt_insert;
      DROP TRIGGER IF EXISTS article_counts_excerpt_update;
      DROP TRIGGER IF EXISTS article_counts_excerpt_gone;
      DROP TRIGGER IF EXISTS article_counts_article_insert;
      DROP TRIGGER IF EXISTS article_counts_article_gone;

      CREATE TRIGGER article_counts_excerpt_insert AFTER INSERT ON excerpts WHEN ${live('new')}
      BEGIN UPDATE article_counts SET excerpts = excerpts + 1 WHERE article_id = new.article_id; END;
      -- trashed, restored or moved to another article (sync's upsert sets article_id)
      CREATE TRIGGER article_counts_excerpt_update AFTER UPDATE OF deleted_at, article_id ON excerpts
        WHEN ${live('old')} <> ${live('new')} OR old.article_id <> new.article_id
      BEGIN
        UPDATE article_counts SET excerpts = excerpts - ${live('old')} WHERE article_id = old.article_id;
        UPDATE article_counts SET excerpts = excerpts + ${live('new')} WHERE article_id = new.article_id;
      END;
      -- a purge, and the cascade from an article's purge
      CREATE TRIGGER article_counts_excerpt_gone BEFORE DELETE ON excerpts WHEN ${live('old')}
      BEGIN UPDATE article_counts SET excerpts = excerpts - 1 WHERE article_id = old.article_id; END;

      -- counted in full: a restore may bring an article's excerpts before the article. No OR
      -- IGNORE (a trigger takes the conflict policy of the statement that fired it)
      CREATE TRIGGER article_counts_article_insert AFTER INSERT ON articles
      BEGIN
        DELETE FROM article_counts WHERE article_id = new.id;
        INSERT INTO article_counts (article_id, excerpts) VALUES (new.id,
          (SELECT count(*) FROM excerpts e WHERE e.article_id = new.id AND e.deleted_at IS NULL));
      END;
      CREATE TRIGGER article_counts_article_gone AFTER DELETE ON articles
      BEGIN DELETE FROM article_counts WHERE article_id = old.id; END;
    `)
    recountArticles(db)
  },
})

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version
