"""The first store: articles with their text and offsets, stories, state, briefing rows.

A migration is a snapshot of the schema it makes, so its tables are written
out here rather than taken from ``parallax.store.tables`` (which follows the
latest migration). The full-text index is per dialect: an FTS5 table over
``articles.text`` on SQLite, a generated ``tsvector`` column with a GIN index
on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _offsets() -> list[sa.Column[int]]:
    return [sa.Column(name, sa.Integer, nullable=False)
            for name in ("source_start", "source_end", "clean_start", "clean_end")]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(200), nullable=False, unique=True),
        sa.Column("story_id", sa.String(64), index=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text, unique=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text, index=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40), index=True),
        sa.Column("author", sa.Text),
        sa.Column("language", sa.String(20)),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("offsets", sa.Text, nullable=False),
        sa.Column("removed", sa.Text, nullable=False),
        sa.Column("repairs", sa.Text, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.String(200)),
        sa.Column("added", sa.String(40), nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("first_published", sa.String(40)),
        sa.Column("last_published", sa.String(40)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("briefed_version", sa.Integer, nullable=False),
        sa.Column("updated", sa.String(40), nullable=False),
        sa.Column("briefing", sa.Text),
    )
    op.create_table(
        "state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("actor_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("aliases", sa.Text, nullable=False),
    )
    op.create_table(
        "quotes",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", sa.String(64), nullable=False, index=True),
        sa.Column("article_id", sa.String(200), nullable=False, index=True),
        sa.Column("actor_id", sa.String(64)),
        sa.Column("speaker", sa.Text, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        *_offsets(),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
    )
    op.create_table(
        "conflicts",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
    )
    op.create_table(
        "spans",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("article_id", sa.String(200), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        *_offsets(),
    )
    op.create_index("ix_spans_story_role", "spans", ["story_id", "role", "number"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE articles ADD COLUMN tsv tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")
    else:
        # External content: the words index articles.text, which is never updated.
        op.execute("CREATE VIRTUAL TABLE article_search USING fts5(text, content='articles', "
                   "content_rowid='pk', tokenize='porter unicode61')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE article_search")
    for table in ("spans", "conflicts", "claims", "quotes", "actors", "state", "stories",
                  "articles"):
        op.drop_table(table)
