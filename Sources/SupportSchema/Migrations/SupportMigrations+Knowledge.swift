extension SupportMigrations {
    /// Knowledge-base articles with built-in full-text search per language.
    static let knowledge = #"""
        -- One language version of an article; translations share the slug.
        CREATE TABLE kb_article (
            id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            slug             text NOT NULL CONSTRAINT kb_article_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
            locale           text NOT NULL CONSTRAINT kb_article_locale_check CHECK (locale IN ('ru', 'en')),
            title            text NOT NULL CONSTRAINT kb_article_title_nonblank CHECK (btrim(title) <> ''),
            body             text NOT NULL DEFAULT '',
            -- The KB's own section, e.g. "payments" or "rules".
            section          text NOT NULL DEFAULT '',
            -- The ticket category the article answers, for the FAQ bot and agent suggestions.
            category         text CONSTRAINT kb_article_category_check
                                 CHECK (category IN ('question', 'technical', 'payment', 'dispute',
                                        'moderation_appeal', 'complaint', 'suggestion', 'spam')),
            visibility       text NOT NULL DEFAULT 'public' CONSTRAINT kb_article_visibility_check
                                 CHECK (visibility IN ('public', 'staff')),
            status           text NOT NULL DEFAULT 'draft' CONSTRAINT kb_article_status_check
                                 CHECK (status IN ('draft', 'published', 'archived')),
            author_staff_id  bigint REFERENCES staff (id),
            published_at     timestamptz,
            -- Title weighs more than body; stemmed with the article's own language.
            search           tsvector GENERATED ALWAYS AS (
                                 setweight(to_tsvector(CASE locale WHEN 'ru' THEN 'russian'::regconfig
                                                                   ELSE 'english'::regconfig END, title), 'A')
                                 || setweight(to_tsvector(CASE locale WHEN 'ru' THEN 'russian'::regconfig
                                                                      ELSE 'english'::regconfig END, body), 'B')
                             ) STORED,
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT kb_article_slug_locale_key UNIQUE (slug, locale),
            CONSTRAINT kb_article_published_at CHECK (status <> 'published' OR published_at IS NOT NULL)
        );
        CREATE INDEX kb_article_search_idx ON kb_article USING gin (search);
        CREATE INDEX kb_article_listing_idx ON kb_article (locale, status, visibility, section);
        CREATE TRIGGER kb_article_touch BEFORE UPDATE ON kb_article
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at()
        """#
}
