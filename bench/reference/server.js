// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for the HTTP benchmark: the barcode lookup of the store server, written
// in the stack this product replaces (Fastify 5 with postgres.js). It does the same work:
// checks the HS256 bearer token, reads the barcode rules, the product by barcode or SKU,
// then its barcodes and taxes, and answers the same JSON. pos-bench starts it with
// DATABASE_URL, JWT_SECRET and PORT; it prints "listening on port N" like our servers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL, { max: 16 });
const secret = process.env.JWT_SECRET;
const app = Fastify({ logger: false });

function authenticated(header) {
  const token = (header || '').replace(/^Bearer /, '');
  const [head, body, signature] = token.split('.');
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}

app.get('/api/scan', async (request, reply) => {
  if (!authenticated(request.headers.authorization)) {
    return reply.code(401).send({ error: { code: 'unauthenticated', message: 'log in first' } });
  }
  const code = String(request.query.code || '');
  // Rules would rewrite a label's code; the generated shop has none, as in our server's run.
  await sql`SELECT prefix, item_start, item_length, value_start, value_length, value_kind
            FROM barcode_rules WHERE deleted = FALSE ORDER BY length(prefix) DESC, prefix`;
  // By barcode, then by SKU, as the store server does (one statement with OR makes
  // PostgreSQL read every product).
  let rows = await sql`SELECT id, sku, name, department_id, supplier_id, price, cost,
                              tax_included, weighed, active FROM products
                       WHERE deleted = FALSE AND id = (SELECT product_id FROM product_barcodes
                             WHERE barcode = ${code})`;
  if (rows.length === 0) {
    rows = await sql`SELECT id, sku, name, department_id, supplier_id, price, cost,
                            tax_included, weighed, active FROM products
                     WHERE deleted = FALSE AND sku = ${code}`;
  }
  if (rows.length === 0) {
    return reply.code(404).send({ error: { code: 'not_found', message: `nothing has the code ${code}` } });
  }
  const p = rows[0];
  const [barcodes, taxes] = await Promise.all([
    sql`SELECT barcode FROM product_barcodes WHERE product_id IN (${p.id}) ORDER BY product_id, barcode`,
    sql`SELECT tax_id FROM product_taxes WHERE product_id IN (${p.id}) ORDER BY product_id, position`,
  ]);
  return {
    product: {
      id: p.id, sku: p.sku, barcodes: barcodes.map((b) => b.barcode), name: p.name,
      department_id: p.department_id, supplier_id: p.supplier_id, price: Number(p.price),
      cost: Number(p.cost), tax_ids: taxes.map((t) => t.tax_id), tax_included: p.tax_included,
      weighed: p.weighed, active: p.active,
    },
    quantity: 1000,
    unit_price: Number(p.price),
    embedded: false,
  };
});

const address = await app.listen({ port: Number(process.env.PORT || 0), host: '127.0.0.1' });
console.log(`listening on port ${new URL(address).port}`);
