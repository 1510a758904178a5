// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "messages.h"

#include <QRegularExpression>

namespace pos {

QString methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return QStringLiteral("GET");
    case HttpMethod::Post:
        return QStringLiteral("POST");
    case HttpMethod::Put:
        return QStringLiteral("PUT");
    case HttpMethod::Patch:
        return QStringLiteral("PATCH");
    case HttpMethod::Delete:
        return QStringLiteral("DELETE");
    }
    return {};
}

bool Command::hasBody() const
{
    return method == HttpMethod::Post || method == HttpMethod::Put || method == HttpMethod::Patch;
}

namespace {

using enum HttpMethod;
using enum Access;
using enum Idempotency;

Command make(const char *name, HttpMethod method, const char *path, Access access,
             Permission permission, Idempotency idempotency, Codec request, Codec response,
             const char *summary)
{
    Command c{QString::fromLatin1(name),
              method,
              QString::fromLatin1(path),
              access,
              permission,
              idempotency,
              request,
              response,
              QString::fromLatin1(summary),
              {},
              {}};
    static const QRegularExpression parameter(QStringLiteral("\\{([a-z_]+)\\}"));
    for (const auto &match : parameter.globalMatch(c.path)) {
        c.pathParams << match.captured(1);
    }
    if (request.schema != nullptr) {
        c.requestFields = request.schema().value(QStringLiteral("properties")).toObject().keys();
    }
    return c;
}

constexpr Permission kNone = Permission::ReportsView; // ignored unless access is Permitted

QList<Command> buildTable()
{
    return {
            make("get_health", Get, "/api/health", Public, kNone, Idempotent, noBody(),
                 codec<Health>("Health"), "Version and whether the database answers"),
            make("get_openapi", Get, "/api/openapi.json", Public, kNone, Idempotent, noBody(),
                 noBody(), "This document"),
            make("login", Post, "/api/auth/login", Public, kNone, NotIdempotent,
                 codec<LoginRequest>("LoginRequest"), codec<Session>("Session"),
                 "Log in with username and password"),
            make("login_pin", Post, "/api/auth/pin", Public, kNone, NotIdempotent,
                 codec<PinLoginRequest>("PinLoginRequest"), codec<Session>("Session"),
                 "Log in with a cashier PIN"),
            make("request_terminal", Post, "/api/terminals", Public, kNone, Idempotent,
                 codec<TerminalRequest>("TerminalRequest"), codec<Terminal>("Terminal"),
                 "A till asks to be registered; the answer carries its secret, once"),
            make("approve_terminal", Post, "/api/terminals/{id}/approve", Permitted,
                 Permission::UsersManage, Idempotent, codec<Empty>("Empty"),
                 codec<Terminal>("Terminal"),
                 "A manager approves a till: from then on cashiers log in on it by PIN"),
            make("get_me", Get, "/api/auth/me", Authenticated, kNone, Idempotent, noBody(),
                 codec<Session>("Session"), "The session of the bearer token"),
            make("get_permissions", Get, "/api/permissions", Authenticated, kNone, Idempotent,
                 noBody(), codec<Role>("Role"), "Every permission name, as one role holding all"),
            make("get_roles", Get, "/api/roles", Permitted, Permission::UsersManage, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Role>>("RolePage"), "Roles, paged"),
            make("put_role", Put, "/api/roles/{id}", Permitted, Permission::UsersManage, Idempotent,
                 codec<Role>("Role"), codec<Role>("Role"), "Create or replace a role"),
            make("get_users", Get, "/api/users", Permitted, Permission::UsersManage, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<User>>("UserPage"), "Users, paged"),
            make("get_user", Get, "/api/users/{id}", Permitted, Permission::UsersManage, Idempotent,
                 noBody(), codec<User>("User"), "One user"),
            make("put_user", Put, "/api/users/{id}", Permitted, Permission::UsersManage, Idempotent,
                 codec<NewUser>("NewUser"), codec<User>("User"),
                 "Create or replace a user; a password or PIN given replaces the old one"),
            make("get_departments", Get, "/api/departments", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Department>>("DepartmentPage"),
                 "Departments, paged"),
            make("put_department", Put, "/api/departments/{id}", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<Department>("Department"),
                 codec<Department>("Department"), "Create or replace a department"),
            make("get_taxes", Get, "/api/taxes", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Tax>>("TaxPage"), "Taxes, paged"),
            make("put_tax", Put, "/api/taxes/{id}", Permitted, Permission::ProductsEdit, Idempotent,
                 codec<Tax>("Tax"), codec<Tax>("Tax"), "Create or replace a tax"),
            make("get_tenders", Get, "/api/tenders", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Tender>>("TenderPage"), "Tenders, paged"),
            make("put_tender", Put, "/api/tenders/{id}", Permitted, Permission::ProductsEdit,
                 Idempotent, codec<Tender>("Tender"), codec<Tender>("Tender"),
                 "Create or replace a tender"),
            make("get_customers", Get, "/api/customers", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Customer>>("CustomerPage"),
                 "Customers whose name starts with q, accents and case ignored, paged"),
            make("put_customer", Put, "/api/customers/{id}", Authenticated, kNone, Idempotent,
                 codec<Customer>("Customer"), codec<Customer>("Customer"),
                 "Create or replace a customer (cashiers may add one at the till)"),
            make("get_suppliers", Get, "/api/suppliers", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Supplier>>("SupplierPage"),
                 "Suppliers, paged"),
            make("put_supplier", Put, "/api/suppliers/{id}", Permitted, Permission::ProductsEdit,
                 Idempotent, codec<Supplier>("Supplier"), codec<Supplier>("Supplier"),
                 "Create or replace a supplier"),
            make("get_sales_reps", Get, "/api/sales-reps", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<SalesRep>>("SalesRepPage"),
                 "Sales reps, paged"),
            make("put_sales_rep", Put, "/api/sales-reps/{id}", Permitted, Permission::UsersManage,
                 Idempotent, codec<SalesRep>("SalesRep"), codec<SalesRep>("SalesRep"),
                 "Create or replace a sales rep"),
            make("get_products", Get, "/api/products", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Product>>("ProductPage"),
                 "Products by name (prefix or contained, accents and case ignored), paged"),
            make("get_department_products", Get, "/api/departments/{id}/products", Authenticated,
                 kNone, Idempotent, codec<ListQuery>("ListQuery"),
                 codec<Page<Product>>("ProductPage"),
                 "Active products of one department, by name: the till's button grid"),
            make("import_products", Post, "/api/products/import", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<ProductImport>("ProductImport"),
                 codec<ImportReport>("ImportReport"),
                 "Create or update products from CSV (by SKU); every bad row reported by line, "
                 "and nothing imported or only the good rows, as asked"),
            make("export_products", Get, "/api/products/export", Permitted, Permission::ProductsEdit,
                 Idempotent, noBody(), codec<ProductExport>("ProductExport"),
                 "Every product as CSV, in the columns import_products reads"),
            make("get_product", Get, "/api/products/{id}", Authenticated, kNone, Idempotent,
                 noBody(), codec<Product>("Product"), "One product"),
            make("put_product", Put, "/api/products/{id}", Permitted, Permission::ProductsEdit,
                 Idempotent, codec<Product>("Product"), codec<Product>("Product"),
                 "Create or replace a product with its barcodes and taxes"),
            make("get_store", Get, "/api/store", Authenticated, kNone, Idempotent, noBody(),
                 codec<StoreSetup>("StoreSetup"),
                 "This store and its registers: what a till loads when it starts"),
            make("put_store", Put, "/api/stores/{id}", Permitted, Permission::UsersManage,
                 Idempotent, codec<Store>("Store"), codec<Store>("Store"),
                 "Create or replace a store"),
            make("get_stores", Get, "/api/stores", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Store>>("StorePage"),
                 "Stores whose code starts with q, paged"),
            make("get_registers", Get, "/api/registers", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<Register>>("RegisterPage"),
                 "Registers of every store whose name starts with q, paged"),
            make("put_register", Put, "/api/registers/{id}", Permitted, Permission::UsersManage,
                 Idempotent, codec<Register>("Register"), codec<Register>("Register"),
                 "Create or replace a register of a store"),
            make("put_setting", Put, "/api/settings", Permitted, Permission::UsersManage,
                 Idempotent, codec<Setting>("Setting"), codec<Setting>("Setting"),
                 "Change a store setting: close_threshold_cents (over/short allowed without a "
                 "manager)"),
            make("put_barcode_rule", Put, "/api/barcode-rules/{id}", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<BarcodeRuleModel>("BarcodeRule"),
                 codec<BarcodeRuleModel>("BarcodeRule"),
                 "Create or replace how one prefix of in-store labels is read"),
            make("lookup_barcode", Get, "/api/scan", Authenticated, kNone, Idempotent,
                 codec<ScanQuery>("ScanQuery"), codec<ScanResult>("ScanResult"),
                 "What a scanned code rings up (check digits, price and weight labels)"),
            make("open_session", Post, "/api/sessions", Permitted, Permission::RegisterOpen,
                 Idempotent, codec<OpenSession>("OpenSession"),
                 codec<RegisterSession>("RegisterSession"),
                 "Open a register with its float; the same id opens it once"),
            make("get_open_session", Get, "/api/registers/{id}/session", Authenticated, kNone,
                 Idempotent, noBody(), codec<RegisterSession>("RegisterSession"),
                 "The open session of a register; not found when the register is closed"),
            make("close_session", Post, "/api/sessions/{id}/close", Permitted,
                 Permission::RegisterClose, Idempotent, codec<CloseSession>("CloseSession"),
                 codec<SessionReport>("SessionReport"),
                 "Close a register with a blind count; a difference beyond the threshold needs a "
                 "manager"),
            make("get_session_report", Get, "/api/sessions/{id}/report", Permitted,
                 Permission::ReportsView, Idempotent, noBody(),
                 codec<SessionReport>("SessionReport"),
                 "X report: expected money per tender so far (counts and differences once closed)"),
            make("hold_ticket", Post, "/api/held-tickets", Authenticated, kNone, Idempotent,
                 codec<HeldTicket>("HeldTicket"), codec<HeldTicket>("HeldTicket"),
                 "Park a ticket; any register of the store can recall it"),
            make("get_held_tickets", Get, "/api/held-tickets", Authenticated, kNone, Idempotent,
                 codec<ListQuery>("ListQuery"), codec<Page<HeldTicket>>("HeldTicketPage"),
                 "Parked tickets of this store, oldest first"),
            make("recall_ticket", Post, "/api/held-tickets/{id}/recall", Authenticated, kNone,
                 NotIdempotent, codec<Empty>("Empty"), codec<HeldTicket>("HeldTicket"),
                 "Take a parked ticket back (it leaves the list: two tills cannot both recall it)"),
            make("void_ticket", Post, "/api/voids", Authenticated, kNone, Idempotent,
                 codec<VoidRequest>("VoidRequest"), codec<Empty>("Empty"),
                 "Record that a ticket in progress was voided (audited)"),
            make("void_sale", Post, "/api/sales/{id}/void", Permitted, Permission::SalesVoid,
                 Idempotent, codec<VoidRequest>("VoidRequest"), codec<Sale>("Sale"),
                 "Void a completed sale: its money leaves the register's figures, its stock comes "
                 "back"),
            make("record_cash_movement", Post, "/api/cash-movements", Authenticated, kNone,
                 Idempotent, codec<CashMovement>("CashMovement"),
                 codec<CashMovement>("CashMovement"),
                 "Paid-in, paid-out or a drop to the safe, with its reason (audited)"),
            make("get_sales_report", Get, "/api/reports/sales", Permitted, Permission::ReportsView,
                 Idempotent, codec<ReportQuery>("ReportQuery"), codec<SalesReport>("SalesReport"),
                 "Sales of business dates from..to by hour, department, product, cashier or "
                 "tender"),
            make("create_sale", Post, "/api/sales", Authenticated, kNone, Idempotent,
                 codec<Sale>("Sale"), codec<Sale>("Sale"),
                 "Record a completed sale; totals are recomputed; the same id stores it once"),
            make("sync_login", Post, "/api/sync/login", Public, kNone, NotIdempotent,
                 codec<SyncLogin>("SyncLogin"), codec<Session>("Session"),
                 "A store logs in to HQ with its sync token (SYNC_TOKEN)"),
            make("rotate_sync_token", Post, "/api/stores/{id}/sync-token", Permitted,
                 Permission::SyncAdmin, NotIdempotent, codec<Empty>("Empty"),
                 codec<SyncToken>("SyncToken"),
                 "A new sync token for a store, shown once; the old one stops working"),
            make("revoke_sync_token", Post, "/api/stores/{id}/sync-token/revoke", Permitted,
                 Permission::SyncAdmin, Idempotent, codec<Empty>("Empty"), codec<Empty>("Empty"),
                 "Stop a store's sync token until it is rotated again"),
            make("get_sync_status", Get, "/api/sync/status", Permitted, Permission::SyncAdmin,
                 Idempotent, noBody(), codec<SyncStatus>("SyncStatus"),
                 "Every store: hint socket connected or not, since when, last pull, credential"),
            make("get_changes", Get, "/api/sync/changes", Permitted, Permission::SyncStore,
                 Idempotent, codec<ChangeQuery>("ChangeQuery"), noBody(),
                 "Master rows changed after a cursor, in commit order, with tombstones: {epoch, "
                 "changes: [{table, id, version, deleted, row}], next_cursor, high_water, more, "
                 "resnapshot}"),
            make("delete_product", Delete, "/api/products/{id}", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A product retired: a tombstone that flows to the stores; sales keep referring to "
                 "it"),
            make("delete_department", Delete, "/api/departments/{id}", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A department retired: a tombstone that flows to the stores; sales keep referring "
                 "to it"),
            make("delete_tax", Delete, "/api/taxes/{id}", Permitted, Permission::ProductsEdit,
                 Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A tax retired: a tombstone that flows to the stores; sales keep referring to it"),
            make("delete_tender", Delete, "/api/tenders/{id}", Permitted, Permission::ProductsEdit,
                 Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A tender retired: a tombstone that flows to the stores; sales keep referring to "
                 "it"),
            make("delete_customer", Delete, "/api/customers/{id}", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A customer retired: a tombstone that flows to the stores; sales keep referring "
                 "to it"),
            make("delete_supplier", Delete, "/api/suppliers/{id}", Permitted,
                 Permission::ProductsEdit, Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A supplier retired: a tombstone that flows to the stores; sales keep referring "
                 "to it"),
            make("delete_sales_rep", Delete, "/api/sales-reps/{id}", Permitted,
                 Permission::UsersManage, Idempotent, codec<Id>("Id"), codec<Empty>("Empty"),
                 "A sales rep retired: a tombstone that flows to the stores; sales keep referring "
                 "to it"),
            make("push_records", Post, "/api/sync/push", Permitted, Permission::SyncStore,
                 Idempotent, codec<PushBatch>("PushBatch"), codec<PushAnswer>("PushAnswer"),
                 "A store's records (sales, sessions, movements, transfers, customers), each taken "
                 "once and answered ok, duplicate, rejected (kept in quarantine) or retry"),
            make("get_quarantine", Get, "/api/sync/quarantine", Permitted, Permission::SyncAdmin,
                 Idempotent, codec<ListQuery>("ListQuery"),
                 codec<Page<QuarantinedRecord>>("QuarantinedRecordPage"),
                 "Records HQ refused, kept whole with the reason, oldest first"),
            make("send_transfer", Post, "/api/transfers", Permitted, Permission::InventoryAdjust,
                 Idempotent, codec<NewTransfer>("NewTransfer"), codec<Transfer>("Transfer"),
                 "Send goods to another store: stock leaves here, the transfer is in transit"),
            make("receive_transfer", Post, "/api/transfers/{id}/receive", Permitted,
                 Permission::InventoryAdjust, Idempotent, codec<TransferReceipt>("TransferReceipt"),
                 codec<Transfer>("Transfer"),
                 "Receive a transfer line by line (received, damaged; the rest is missing)"),
            make("resolve_transfer", Post, "/api/transfers/{id}/resolve", Permitted,
                 Permission::InventoryAdjust, Idempotent,
                 codec<TransferResolution>("TransferResolution"), codec<Transfer>("Transfer"),
                 "HQ settles a transfer whose received counts differ from what was sent"),
            make("get_transfers", Get, "/api/transfers", Permitted, Permission::InventoryAdjust,
                 Idempotent, codec<ListQuery>("ListQuery"), codec<Page<Transfer>>("TransferPage"),
                 "Transfers from or to this store (every store's at HQ), open ones first"),
            make("get_hq_sales_report", Get, "/api/hq/reports/sales", Permitted,
                 Permission::ReportsView, Idempotent, codec<ReportQuery>("ReportQuery"),
                 codec<SalesReport>("SalesReport"),
                 "Sales across stores by store, day, department or product"),
            make("find_sale", Get, "/api/receipts", Authenticated, kNone, Idempotent,
                 codec<ReceiptQuery>("ReceiptQuery"), codec<Sale>("Sale"),
                 "The sale a receipt number names (a return starts from it)"),
            make("get_sale", Get, "/api/sales/{id}", Authenticated, kNone, Idempotent, noBody(),
                 codec<Sale>("Sale"), "One sale with its lines and payments"),
            make("get_stock", Get, "/api/stock/{id}", Authenticated, kNone, Idempotent, noBody(),
                 codec<StockLevel>("StockLevel"), "On-hand quantity of one product at this store"),
            make("record_stock_movement", Post, "/api/stock/movements", Permitted,
                 Permission::InventoryAdjust, Idempotent, codec<StockMovement>("StockMovement"),
                 codec<StockLevel>("StockLevel"),
                 "An adjustment with its reason, a count, or goods received"),
            make("verify_audit", Get, "/api/audit/verify", Permitted, Permission::ReportsView,
                 Idempotent, noBody(), codec<AuditCheck>("AuditCheck"),
                 "Check the audit log's hash chain and name the first broken row"),
            make("open_drawer", Post, "/api/drawer/no-sale", Permitted, Permission::DrawerNoSale,
                 NotIdempotent, codec<NoSaleRequest>("NoSaleRequest"), codec<Empty>("Empty"),
                 "Open the cash drawer without a sale (audited)"),
    };
}

} // namespace

const QList<Command> &commandTable()
{
    static const QList<Command> table = buildTable();
    return table;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commandTable()) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

} // namespace pos
