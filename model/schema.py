"""The store's tables as typed ORM classes.

The schema itself is created and changed only by Alembic migrations (model/migrations); these
classes must match the head revision. A test compares the two.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


quote_tag = Table(
    "quote_tag",
    Base.metadata,
    Column("quote_id", ForeignKey("quote.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_quote_tag_tag", "tag_id", "quote_id"),
)


class Outlet(Base):
    __tablename__ = "outlet"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    domain: Mapped[str | None] = mapped_column(String(200))
    colour: Mapped[str | None] = mapped_column(String(9))

    articles: Mapped[list[Article]] = relationship(back_populates="outlet")

    def __repr__(self) -> str:
        return f"Outlet(id={self.id!r}, name={self.name!r})"


class Article(Base):
    __tablename__ = "article"
    __table_args__ = (
        Index("ix_article_outlet_published", "outlet_id", "published"),
        Index("ix_article_content_hash", "content_hash"),
        Index("ix_article_url", "url"),
        Index("ix_article_published", "published"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlet.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    # Naive datetimes in UTC; dates alone are stored at midnight.
    published: Mapped[dt.datetime | None] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    source_file: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    outlet: Mapped[Outlet] = relationship(back_populates="articles")
    quotes: Mapped[list[Quote]] = relationship(back_populates="article")

    def __repr__(self) -> str:
        return f"Article(id={self.id!r}, title={self.title[:40]!r})"


class Speaker(Base):
    __tablename__ = "speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    # Lower-cased key under which the speaker is looked up, so "jeffrey lewis" finds one row.
    key: Mapped[str] = mapped_column(String(300), index=True)

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Speaker(id={self.id!r}, name={self.name!r})"


class SpeakerAlias(Base):
    """A form under which a speaker appeared (Lewis, Dr Lewis, Jeffrey Lewis)."""

    __tablename__ = "speaker_alias"
    __table_args__ = (
        UniqueConstraint("speaker_id", "alias"),
        Index("ix_speaker_alias_alias", "alias"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")

    def __repr__(self) -> str:
        return f"SpeakerAlias({self.alias!r} -> {self.speaker_id!r})"


class Quote(Base):
    __tablename__ = "quote"
    __table_args__ = (
        Index("ix_quote_article_start", "article_id", "start"),
        Index("ix_quote_speaker", "speaker_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id", ondelete="SET NULL"))
    cue: Mapped[str | None] = mapped_column(String(60))
    paragraph: Mapped[int] = mapped_column(Integer, default=0)
    # "auto" (found by the extractor) or "manual" (added by a user).
    origin: Mapped[str] = mapped_column(String(10), default="auto")
    # A user's corrections: re-extraction keeps deleted quotes deleted and edited speakers.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    speaker_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=quote_tag, back_populates="quotes")

    def __repr__(self) -> str:
        return f"Quote(id={self.id!r}, text={self.text[:40]!r})"


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    colour: Mapped[str | None] = mapped_column(String(9))

    quotes: Mapped[list[Quote]] = relationship(secondary=quote_tag, back_populates="tags")

    def __repr__(self) -> str:
        return f"Tag(id={self.id!r}, name={self.name!r})"


class Statement(Base):
    """One statement as several outlets carried it: its quotes are linked by `QuoteStatement`.

    The counts, speaker and fullest wording are a summary kept by model.statements.grouping, so a
    list of statements carried by at least N outlets reads one indexed table.
    """

    __tablename__ = "statement"
    __table_args__ = (
        Index("ix_statement_outlet_count", "outlet_count"),
        Index("ix_statement_speaker", "speaker_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The speaker most of its versions name; None when none names one.
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id", ondelete="SET NULL"))
    # The fullest wording: the version that contains the most other versions.
    text: Mapped[str] = mapped_column(Text)
    quote_count: Mapped[int] = mapped_column(Integer, default=1)
    outlet_count: Mapped[int] = mapped_column(Integer, default=1)
    # Versions credit different people with these words.
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"Statement(id={self.id!r}, text={self.text[:40]!r})"


class QuoteStatement(Base):
    """A live quote's statement; a link table so that grouping never rewrites `quote`."""

    __tablename__ = "quote_statement"
    __table_args__ = (Index("ix_quote_statement_statement", "statement_id"),)

    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quote.id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id", ondelete="CASCADE"))

    def __repr__(self) -> str:
        return f"QuoteStatement({self.quote_id!r} -> {self.statement_id!r})"


class StatementKey(Base):
    """Blocking index: hashed word pairs (and whole wordings) -> statements that contain them.

    Clustered on (key, statement_id) without a rowid, so one lookup reads one b-tree range. No
    foreign key: a stale key only proposes a candidate that the matcher then rejects.
    """

    __tablename__ = "statement_key"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    statement_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)

    def __repr__(self) -> str:
        return f"StatementKey({self.key!r} -> {self.statement_id!r})"


class QuoteSearchQueue(Base):
    """Quotes whose full-text index entry is out of date (see model.search.maintenance).

    Triggers add ids here; sync_fts re-indexes them before each commit.
    """

    __tablename__ = "quote_fts_queue"

    quote_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)

    def __repr__(self) -> str:
        return f"QuoteSearchQueue({self.quote_id!r})"
