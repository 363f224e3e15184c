extension SupportMigrations {
    /// Calendars, requesters and their channel identities, staff, teams and shifts.
    static let people = #"""
        -- A named business calendar: a time zone and weekly opening hours; teams point at one.
        CREATE TABLE business_calendar (
            name        text PRIMARY KEY CONSTRAINT business_calendar_name_format CHECK (name ~ '^[a-z0-9_-]+$'),
            timezone    text NOT NULL DEFAULT 'Asia/Yekaterinburg',
            created_at  timestamptz NOT NULL DEFAULT now(),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TRIGGER business_calendar_touch BEFORE UPDATE ON business_calendar
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        -- Opening intervals per ISO weekday (1 = Monday … 7 = Sunday), local time; '24:00' closes at midnight.
        CREATE TABLE business_calendar_hours (
            calendar_name text NOT NULL REFERENCES business_calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
            weekday       smallint NOT NULL CONSTRAINT business_calendar_hours_weekday_check CHECK (weekday BETWEEN 1 AND 7),
            opens         time NOT NULL,
            closes        time NOT NULL,
            PRIMARY KEY (calendar_name, weekday, opens),
            CONSTRAINT business_calendar_hours_order CHECK (opens < closes)
        );

        CREATE TABLE calendar_holiday (
            calendar_name text NOT NULL REFERENCES business_calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
            day           date NOT NULL,
            name          text NOT NULL DEFAULT '',
            created_at    timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (calendar_name, day)
        );

        -- The default desk calendar: weekdays 10:00-22:00 Asia/Yekaterinburg.
        INSERT INTO business_calendar (name, timezone) VALUES ('default', 'Asia/Yekaterinburg');
        INSERT INTO business_calendar_hours (calendar_name, weekday, opens, closes)
            SELECT 'default', d, '10:00', '22:00' FROM generate_series(1, 5) AS d;

        -- An end user. One requester may write from several channels (requester_identity).
        CREATE TABLE requester (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            display_name    text NOT NULL DEFAULT '',
            locale          text NOT NULL DEFAULT 'ru' CONSTRAINT requester_locale_check CHECK (locale IN ('ru', 'en')),
            -- The name and email on the requester's contract, used to match portal sign-ins.
            contract_name   text,
            contract_email  text CONSTRAINT requester_contract_email_lower CHECK (contract_email = lower(contract_email)),
            -- Portal password (bcrypt); NULL for requesters who never signed up.
            password_hash   text,
            -- Set when staff merged this requester into another; its history moved there.
            merged_into_id  bigint REFERENCES requester (id),
            created_at      timestamptz NOT NULL DEFAULT now(),
            updated_at      timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT requester_not_merged_into_self CHECK (merged_into_id <> id)
        );
        CREATE INDEX requester_contract_email_idx ON requester (contract_email) WHERE contract_email IS NOT NULL;
        CREATE INDEX requester_merged_into_idx ON requester (merged_into_id) WHERE merged_into_id IS NOT NULL;
        CREATE TRIGGER requester_touch BEFORE UPDATE ON requester
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        -- One address of a requester on one channel: telegram user id, email address (lower case),
        -- portal login (channel 'web'), phone number, social handle, or another service's id ('api').
        CREATE TABLE requester_identity (
            id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            requester_id  bigint NOT NULL REFERENCES requester (id) ON DELETE CASCADE,
            channel       text NOT NULL CONSTRAINT requester_identity_channel_check
                              CHECK (channel IN ('telegram', 'email', 'web', 'chat', 'phone', 'social', 'api')),
            external_id   text NOT NULL CONSTRAINT requester_identity_external_id_nonblank CHECK (btrim(external_id) <> ''),
            -- A human-friendly form, e.g. the telegram @username or "Name <mail>".
            display       text,
            verified      boolean NOT NULL DEFAULT false,
            verified_at   timestamptz,
            created_at    timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT requester_identity_channel_external_key UNIQUE (channel, external_id),
            CONSTRAINT requester_identity_email_lower CHECK (channel <> 'email' OR external_id = lower(external_id)),
            CONSTRAINT requester_identity_verified_at CHECK (NOT verified OR verified_at IS NOT NULL)
        );
        CREATE INDEX requester_identity_requester_idx ON requester_identity (requester_id);

        -- A staff account with one or more roles (never 'requester').
        CREATE TABLE staff (
            id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name              text NOT NULL CONSTRAINT staff_name_nonblank CHECK (btrim(name) <> ''),
            email             text NOT NULL CONSTRAINT staff_email_lower CHECK (email = lower(email)),
            telegram_user_id  bigint,
            roles             text[] NOT NULL CONSTRAINT staff_roles_check
                                  CHECK (cardinality(roles) >= 1
                                         AND roles <@ ARRAY['agent', 'moderator', 'arbiter', 'coder', 'owner']::text[]),
            locale            text NOT NULL DEFAULT 'ru' CONSTRAINT staff_locale_check CHECK (locale IN ('ru', 'en')),
            timezone          text NOT NULL DEFAULT 'Asia/Yekaterinburg',
            skills            text[] NOT NULL DEFAULT '{}',
            -- Set by the staff member: routing skips them while away.
            is_away           boolean NOT NULL DEFAULT false,
            -- Active tickets the assigner may give them at once.
            capacity          integer NOT NULL DEFAULT 20 CONSTRAINT staff_capacity_check CHECK (capacity >= 0),
            -- bcrypt; NULL until a password is set (e.g. telegram-only staff).
            password_hash     text,
            active            boolean NOT NULL DEFAULT true,
            created_at        timestamptz NOT NULL DEFAULT now(),
            updated_at        timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT staff_email_key UNIQUE (email),
            CONSTRAINT staff_telegram_user_id_key UNIQUE (telegram_user_id)
        );
        CREATE INDEX staff_roles_idx ON staff USING gin (roles);
        CREATE TRIGGER staff_touch BEFORE UPDATE ON staff
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        CREATE TABLE team (
            id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name           text NOT NULL CONSTRAINT team_name_nonblank CHECK (btrim(name) <> ''),
            line           text NOT NULL CONSTRAINT team_line_check CHECK (line IN ('l1', 'l2', 'l3')),
            lead_staff_id  bigint REFERENCES staff (id) ON DELETE SET NULL,
            calendar_name  text NOT NULL DEFAULT 'default' REFERENCES business_calendar (name) ON UPDATE CASCADE,
            -- Skills a ticket may need that this team covers, e.g. {payments,telegram_bot}.
            skills         text[] NOT NULL DEFAULT '{}',
            -- Categories this team takes by default.
            categories     text[] NOT NULL DEFAULT '{}' CONSTRAINT team_categories_check
                               CHECK (categories <@ ARRAY['question', 'technical', 'payment', 'dispute',
                                      'moderation_appeal', 'complaint', 'suggestion', 'spam']::text[]),
            created_at     timestamptz NOT NULL DEFAULT now(),
            updated_at     timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT team_name_key UNIQUE (name)
        );
        CREATE INDEX team_line_idx ON team (line);
        CREATE TRIGGER team_touch BEFORE UPDATE ON team
            FOR EACH ROW EXECUTE FUNCTION support_touch_updated_at();

        CREATE TABLE team_member (
            team_id    bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
            staff_id   bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
            joined_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (team_id, staff_id)
        );
        CREATE INDEX team_member_staff_idx ON team_member (staff_id);

        -- When a staff member works. Either a weekly slot (weekday + local times in `timezone`;
        -- ends <= starts means it runs past midnight) or an explicit period (starts_at/ends_at),
        -- which with available = false is time off overriding the weekly slots.
        CREATE TABLE staff_shift (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            staff_id    bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
            team_id     bigint REFERENCES team (id) ON DELETE CASCADE,
            weekday     smallint CONSTRAINT staff_shift_weekday_check CHECK (weekday BETWEEN 1 AND 7),
            start_time  time,
            end_time    time,
            timezone    text NOT NULL DEFAULT 'Asia/Yekaterinburg',
            starts_at   timestamptz,
            ends_at     timestamptz,
            available   boolean NOT NULL DEFAULT true,
            created_at  timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT staff_shift_kind CHECK (
                (weekday IS NOT NULL AND start_time IS NOT NULL AND end_time IS NOT NULL AND start_time <> end_time
                    AND starts_at IS NULL AND ends_at IS NULL AND available)
                OR (weekday IS NULL AND start_time IS NULL AND end_time IS NULL
                    AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND starts_at < ends_at))
        );
        CREATE INDEX staff_shift_staff_idx ON staff_shift (staff_id);
        CREATE INDEX staff_shift_weekday_idx ON staff_shift (weekday) WHERE weekday IS NOT NULL;
        CREATE INDEX staff_shift_period_idx ON staff_shift (starts_at, ends_at) WHERE starts_at IS NOT NULL
        """#
}
