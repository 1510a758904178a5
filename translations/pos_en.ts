<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>pos::Auth</name>
    <message>
        <source>the session is not valid: log in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session has expired: log in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cryptography library did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough memory to hash the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong username or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>too many failed attempts; try again in %n second(s)</source>
        <translation>
            <numerusform>too many failed attempts; try again in %n second</numerusform>
            <numerusform>too many failed attempts; try again in %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manager PIN is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not authorise %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this user no longer exists or is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal has already asked to be registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN login works only on a registered terminal that a manager approved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Barcode</name>
    <message>
        <source>the code is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid barcode: wrong check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the label weighs nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>pos::Http</name>
    <message>
        <source>the server answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent an answer that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many connections from this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: does not match the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed here; use %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is nothing at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request body is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is nothing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request arrived too slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request headers are too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Length is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the body with a Content-Length</source>
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
    <name>pos::Register</name>
    <message>
        <source>register_id: not a register of this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id: already used by another session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this register is already open; close it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such register session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this register was closed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the count is %1 off: a manager must sign off with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else must sign off your own count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session_id: not a session of this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this register is closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Reports</name>
    <message>
        <source>from, to: two dates, at most a year apart, like 2026-11-28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by: must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Sale</name>
    <message>
        <source>ticket_discount: is larger than the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is larger than the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer_id: no such customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store_id: is not this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register_id: not a register of this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session_id: not a session of this register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this register is closed: open it to sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier_id: is not the logged-in user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this product sells in whole units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be positive in a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs from the catalog price %1: mark it as a price override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the totals disagree with the store&apos;s: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payments: %1 does not cover the total %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payments: only cash (a tender that gives change) may pay more than is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change: should be %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id: a different sale was already stored with this id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such sold line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not this product on the original receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 left to return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the price sold at, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1: what was taken off at the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a return without a receipt is at today&apos;s price, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be negative in a return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status: only completed sales are recorded here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticket_discount: a return gives back what was paid, without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payments: a refund must add up to the total %1, with no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale.status: must be held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this ticket was already recalled, or never held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this ticket is already a completed sale: void the sale instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this sale is already voided</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Scan</name>
    <message>
        <source>nothing has the code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not for sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Server</name>
    <message>
        <source>%1: must be a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username: is already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin: is already in use; choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permissions: %1 is not a permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: is already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: is not a known parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you need the permission %1; ask a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not served here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password: must be at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin: must be 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user.id: does not match the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sku: %1 already belongs to another product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcodes: %1 already belongs to another product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user:pass@host:port/db or sqlite:///path/file.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret that signs session tokens, at least 32 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port (HQ 3001, store 3002)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address to listen on (default all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest request body accepted (default 1048576)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close idle connections after this (default 30000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request must arrive within this (default 30000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this store&apos;s UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this store&apos;s code, e.g. ST01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head office server, e.g. https://hq.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this store&apos;s sync credential at HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poll HQ at least this often (default 30000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS head office server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS store server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development mode: allow a missing or weak JWT_SECRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATABASE_URL is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT_SECRET is missing or shorter than %1 characters; generate one with &quot;openssl rand -hex 32&quot; (or start with --dev for a throw-away one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST is not an address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: user &quot;admin&quot; created with password %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcodes[%1]: %2 has a wrong check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product %1 has an unknown tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the prefix, item and value must fit in the first 12 digits without overlapping the prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this store is not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: %1 is not a setting that can be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value: must be a whole number of cents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Stock</name>
    <message>
        <source>store_id: is not this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an adjustment needs a reason and a quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity: a count cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product_id: no such product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind: only adjustments, counts and receivings are entered here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity: goods received must be more than zero</source>
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
