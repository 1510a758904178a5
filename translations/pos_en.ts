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
    <name>pos::Cart</name>
    <message>
        <source>%1
  discount −%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::CashActions</name>
    <message>
        <source>Paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change from the safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::ChoiceDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::CloseRegisterScreen</name>
    <message>
        <source>Close the register: count the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong change given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department: no department has code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplier: no supplier has code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taxes: no tax has code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcodes: %1 has a wrong check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fields where %2 are expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sku: %1 is also on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcodes: %1 is also on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcodes: %1 already belongs to another product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: the header must be %1</source>
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
    <message>
        <source>a statement of the transaction had failed; nothing was saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Devices</name>
    <message>
        <source>%1 is not answering: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device address %1: use tcp://host:port, file:///path or serial:///dev/ttyX?baud=9600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer %1 cannot print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::EntryDialog</name>
    <message>
        <source>Cancel</source>
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
    <name>pos::LoginScreen</name>
    <message>
        <source>Enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket is waiting on this till; it stays as it is.</source>
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
    <name>pos::NumPad</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::OnScreenKeyboard</name>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::OpenRegisterScreen</name>
    <message>
        <source>Open %1: count the float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till&apos;s register is not set up in the store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::ProductPicker</name>
    <message>
        <source>Search products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Receipt</name>
    <message>
        <source>RETURN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this receipt for returns</source>
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
    <name>pos::RegistrationScreen</name>
    <message>
        <source>This till waits for a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till &quot;%1&quot; (%2) asked the store server to register it. A manager approves it in the back office, or here with their username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved elsewhere: continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till is approved: cashiers can log in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Reports</name>
    <message>
        <source>by: must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from, to: two dates, at most a year apart, like 2026-11-28</source>
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
    <message>
        <source>no sale has receipt number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product %1 has an unknown tax</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::SaleScreen</name>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket
discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void
ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch
cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close
register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is a return: finish it before selling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a line first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed for this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not approve this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or hold this ticket before recalling another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or hold this ticket before a return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return: receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return of %1: remove what does not come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void this whole ticket?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is empty</source>
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
    <message>
        <source>rows a pulled page holds, 1 to 5000 (default 5000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records a push batch holds, 1 to 1000 (default 1000)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::SessionReportView</name>
    <message>
        <source>Z report: register closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report: register open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1 in all</source>
        <translation>
            <numerusform>%n sale, %1 in all</numerusform>
            <numerusform>%n sales, %1 in all</numerusform>
        </translation>
    </message>
    <message>
        <source>Tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over / short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over by %1</source>
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
    <name>pos::Sync</name>
    <message>
        <source>this sync token is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a change names an unknown table: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: names another store than the one pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequence %1 waits for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a different %1 was already received with this id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind: unknown record kind %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a store&apos;s sync session may push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits for an earlier record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 lists the same %3 twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page of changes is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page of changes has no list of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a change of the page is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a change of %1 %2 has no id or no row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the batch must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a row is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row: must be an object</source>
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
    <name>pos::TenderScreen</name>
    <message>
        <source>Back to ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gives no change: at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Terminal</name>
    <message>
        <source>%1: must be one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer.address: an ESC/POS printer needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer.pdf_folder: a PDF printer needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiUrl: not a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>databaseUrl: in-process mode needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storeId: in-process mode needs this store&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: user &quot;admin&quot; created with password %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::TerminalWindow</name>
    <message>
        <source>Finish or hold the ticket before closing the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1 is not set up in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in and open the register before scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the payment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POS terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏳ working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● store online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● store offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● printer ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store server is not answering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::TicketView</name>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket discount −%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::TillDevices</name>
    <message numerus="yes">
        <source>%1 — %n receipt(s) waiting to print</source>
        <translation>
            <numerusform>%1 — %n receipt waiting to print</numerusform>
            <numerusform>%1 — %n receipts waiting to print</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash drawer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pos::Transfers</name>
    <message>
        <source>only a received transfer whose counts differ is resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to_store_id: a store cannot send to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to_store_id: no such store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in this transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received and damaged come to more than the %1 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such transfer to this store</source>
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
