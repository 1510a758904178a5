<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>pos::Database</name>
    <message>
        <source>DATABASE_URL for SQLite must look like sqlite:///path/to/file.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATABASE_URL must start with postgresql:// or sqlite:///</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATABASE_URL for PostgreSQL must look like postgresql://user:password@host:5432/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record with the same key already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refers to a record that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is missing or out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Money</name>
    <message>
        <source>amount out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many decimals (at most %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot split across a negative amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot split across lines that sum to zero</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Tax</name>
    <message>
        <source>tax rate must be a percentage like 16 or 9.975</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax rate above 1000 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::json</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have at least %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have at most %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 to %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a percentage as a string, like &quot;16&quot; or &quot;9.975&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an ISO 8601 timestamp with a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date like 2026-11-28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
