"""The project's own errors. Messages are for the end user: Chinese, naming the file and line,
and saying what to do next. The CLI catches `YaodianError` only; anything else is a bug."""

from __future__ import annotations


class YaodianError(Exception):
    """Base class of every error yaodian reports to the user."""

    exit_code = 1


class InputError(YaodianError, OSError):
    """An input file is missing, unreadable, not text, or in an unsupported format."""


class DecodeError(InputError, UnicodeError):
    """The bytes of a text file could not be decoded."""


class ParseError(YaodianError, ValueError):
    """The text was read but is not a notice yaodian can break down (no items, strict mode)."""


class UnknownOfficeError(YaodianError, LookupError):
    """An office asked for on the command line is not named anywhere in the notice."""


class OutputError(YaodianError, OSError):
    """An output file cannot be written (exists without --force, folder missing, no permission)."""


class UsageError(YaodianError, ValueError):
    """The options given do not fit together; exit code 2 like any usage error."""

    exit_code = 2


class Terminated(BaseException):
    """A termination signal (SIGTERM) arrived: raised like KeyboardInterrupt, so that every
    `finally` runs and temporary files are removed; the CLI exits with 143."""

    exit_code = 143
