<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>pos::Auth</name>
    <message>
        <source>the session is not valid: log in again</source>
        <translation>la sesión no es válida: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>the session has expired: log in again</source>
        <translation>la sesión ha caducado: vuelve a iniciar sesión</translation>
    </message>
    <message>
        <source>the cryptography library did not start</source>
        <translation>no se pudo iniciar la biblioteca criptográfica</translation>
    </message>
    <message>
        <source>not enough memory to hash the password</source>
        <translation>no hay memoria suficiente para cifrar la contraseña</translation>
    </message>
    <message>
        <source>wrong username or password</source>
        <translation>usuario o contraseña incorrectos</translation>
    </message>
    <message numerus="yes">
        <source>too many failed attempts; try again in %n second(s)</source>
        <translation>
            <numerusform>demasiados intentos fallidos; vuelve a intentarlo en %n segundo</numerusform>
            <numerusform>demasiados intentos fallidos; vuelve a intentarlo en %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>PIN incorrecto</translation>
    </message>
    <message>
        <source>the manager PIN is not valid</source>
        <translation>el PIN del encargado no es válido</translation>
    </message>
    <message>
        <source>%1 may not authorise %2</source>
        <translation>%1 no puede autorizar %2</translation>
    </message>
    <message>
        <source>this user no longer exists or is disabled</source>
        <translation>este usuario ya no existe o está desactivado</translation>
    </message>
    <message>
        <source>no such terminal</source>
        <translation>no existe esa terminal</translation>
    </message>
    <message>
        <source>this terminal has already asked to be registered</source>
        <translation>esta terminal ya pidió su registro</translation>
    </message>
    <message>
        <source>PIN login works only on a registered terminal that a manager approved</source>
        <translation>el acceso con PIN solo funciona en una terminal registrada y aprobada por un encargado</translation>
    </message>
</context>
<context>
    <name>pos::Barcode</name>
    <message>
        <source>the code is empty</source>
        <translation>el código está vacío</translation>
    </message>
    <message>
        <source>%1 is not a valid barcode: wrong check digit</source>
        <translation>%1 no es un código de barras válido: dígito de control incorrecto</translation>
    </message>
    <message>
        <source>the label weighs nothing</source>
        <translation>la etiqueta no indica peso</translation>
    </message>
</context>
<context>
    <name>pos::Cart</name>
    <message>
        <source>%1
  discount −%2</source>
        <translation>%1
  descuento −%2</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>pos::CashActions</name>
    <message>
        <source>Paid in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Change from the safe</source>
        <translation>Cambio de la caja fuerte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Supplier payment</source>
        <translation>Pago a proveedor</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Gastos</translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation>El importe debe ser mayor que cero</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>pos::ChoiceDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type to search…</source>
        <translation>Escriba para buscar…</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Sin resultados</translation>
    </message>
</context>
<context>
    <name>pos::CloseRegisterScreen</name>
    <message>
        <source>Close the register: count the drawer</source>
        <translation>Cierre de caja: cuente el cajón</translation>
    </message>
    <message>
        <source>Register closed</source>
        <translation>Caja cerrada</translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation>Enviar conteo</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Volver a la venta</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Counting error</source>
        <translation>Error de conteo</translation>
    </message>
    <message>
        <source>Wrong change given</source>
        <translation>Cambio mal dado</translation>
    </message>
    <message>
        <source>Missing cash</source>
        <translation>Falta efectivo</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
</context>
<context>
    <name>pos::Csv</name>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>línea %1: un campo entre comillas nunca se cierra</translation>
    </message>
    <message>
        <source>%1: must be true or false</source>
        <translation>%1: debe ser true o false</translation>
    </message>
    <message>
        <source>department: no department has code %1</source>
        <translation>department: ningún departamento tiene el código %1</translation>
    </message>
    <message>
        <source>supplier: no supplier has code %1</source>
        <translation>supplier: ningún proveedor tiene el código %1</translation>
    </message>
    <message>
        <source>taxes: no tax has code %1</source>
        <translation>taxes: ningún impuesto tiene el código %1</translation>
    </message>
    <message>
        <source>barcodes: %1 has a wrong check digit</source>
        <translation>barcodes: %1 tiene un dígito verificador incorrecto</translation>
    </message>
    <message>
        <source>%1 fields where %2 are expected</source>
        <translation>%1 campos donde se esperan %2</translation>
    </message>
    <message>
        <source>sku: %1 is also on line %2</source>
        <translation>sku: %1 también está en la línea %2</translation>
    </message>
    <message>
        <source>barcodes: %1 is also on line %2</source>
        <translation>barcodes: %1 también está en la línea %2</translation>
    </message>
    <message>
        <source>barcodes: %1 already belongs to another product</source>
        <translation>barcodes: %1 ya pertenece a otro producto</translation>
    </message>
    <message>
        <source>line 1: the header must be %1</source>
        <translation>línea 1: el encabezado debe ser %1</translation>
    </message>
</context>
<context>
    <name>pos::Database</name>
    <message>
        <source>DATABASE_URL for SQLite must look like sqlite:///path/to/file.db</source>
        <translation>DATABASE_URL para SQLite debe tener la forma sqlite:///ruta/al/archivo.db</translation>
    </message>
    <message>
        <source>DATABASE_URL must start with postgresql:// or sqlite:///</source>
        <translation>DATABASE_URL debe empezar por postgresql:// o sqlite:///</translation>
    </message>
    <message>
        <source>DATABASE_URL for PostgreSQL must look like postgresql://user:password@host:5432/database</source>
        <translation>DATABASE_URL para PostgreSQL debe tener la forma postgresql://usuario:contraseña@servidor:5432/base</translation>
    </message>
    <message>
        <source>cannot open the database %1: %2</source>
        <translation>no se puede abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>a record with the same key already exists</source>
        <translation>ya existe un registro con la misma clave</translation>
    </message>
    <message>
        <source>refers to a record that does not exist</source>
        <translation>hace referencia a un registro que no existe</translation>
    </message>
    <message>
        <source>a value is missing or out of range</source>
        <translation>falta un valor o está fuera de rango</translation>
    </message>
    <message>
        <source>the database is not reachable</source>
        <translation>no se puede conectar con la base de datos</translation>
    </message>
    <message>
        <source>database error</source>
        <translation>error de la base de datos</translation>
    </message>
    <message>
        <source>cannot read migration %1</source>
        <translation>no se puede leer la migración %1</translation>
    </message>
    <message>
        <source>migration %1 failed: %2</source>
        <translation>falló la migración %1: %2</translation>
    </message>
    <message>
        <source>a statement of the transaction had failed; nothing was saved</source>
        <translation>una instrucción de la transacción había fallado; no se guardó nada</translation>
    </message>
</context>
<context>
    <name>pos::Devices</name>
    <message>
        <source>%1 is not answering: %2</source>
        <translation>%1 no responde: %2</translation>
    </message>
    <message>
        <source>%1 is out of paper</source>
        <translation>%1 se quedó sin papel</translation>
    </message>
    <message>
        <source>printer %1:%2</source>
        <translation>la impresora %1:%2</translation>
    </message>
    <message>
        <source>device address %1: use tcp://host:port, file:///path or serial:///dev/ttyX?baud=9600</source>
        <translation>dirección de dispositivo %1: use tcp://servidor:puerto, file:///ruta o serial:///dev/ttyX?baud=9600</translation>
    </message>
    <message>
        <source>the printer %1 cannot print</source>
        <translation>la impresora %1 no puede imprimir</translation>
    </message>
</context>
<context>
    <name>pos::EntryDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>pos::Http</name>
    <message>
        <source>the server answered %1</source>
        <translation>el servidor respondió %1</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>el servidor no respondió a tiempo</translation>
    </message>
    <message>
        <source>cannot reach the server: %1</source>
        <translation>no se puede contactar con el servidor: %1</translation>
    </message>
    <message>
        <source>the server sent an answer that is not JSON</source>
        <translation>el servidor envió una respuesta que no es JSON</translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation>comando desconocido %1</translation>
    </message>
    <message>
        <source>%1: is required</source>
        <translation>%1: es obligatorio</translation>
    </message>
    <message>
        <source>too many connections from this address</source>
        <translation>demasiadas conexiones desde esta dirección</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>no se puede escuchar en %1:%2: %3</translation>
    </message>
    <message>
        <source>the body must be a JSON object</source>
        <translation>el cuerpo debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>%1: does not match the address</source>
        <translation>%1: no coincide con la dirección</translation>
    </message>
    <message>
        <source>%1 is not allowed here; use %2</source>
        <translation>%1 no está permitido aquí; usa %2</translation>
    </message>
    <message>
        <source>there is nothing at %1</source>
        <translation>no hay nada en %1</translation>
    </message>
    <message>
        <source>the request body is too large</source>
        <translation>el cuerpo de la petición es demasiado grande</translation>
    </message>
    <message>
        <source>there is nothing here</source>
        <translation>aquí no hay nada</translation>
    </message>
    <message>
        <source>the request arrived too slowly</source>
        <translation>la petición llegó demasiado despacio</translation>
    </message>
    <message>
        <source>the request headers are too large</source>
        <translation>las cabeceras de la petición son demasiado grandes</translation>
    </message>
    <message>
        <source>Content-Length is not a number</source>
        <translation>Content-Length no es un número</translation>
    </message>
    <message>
        <source>send the body with a Content-Length</source>
        <translation>envía el cuerpo con un Content-Length</translation>
    </message>
</context>
<context>
    <name>pos::LoginScreen</name>
    <message>
        <source>Enter your PIN</source>
        <translation>Escriba su PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>A ticket is waiting on this till; it stays as it is.</source>
        <translation>Hay un ticket pendiente en esta caja; se conserva tal cual.</translation>
    </message>
</context>
<context>
    <name>pos::Money</name>
    <message>
        <source>amount out of range</source>
        <translation>importe fuera de rango</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>too many decimals (at most %1)</source>
        <translation>demasiados decimales (como máximo %1)</translation>
    </message>
    <message>
        <source>cannot split across a negative amount</source>
        <translation>no se puede repartir sobre un importe negativo</translation>
    </message>
    <message>
        <source>cannot split across lines that sum to zero</source>
        <translation>no se puede repartir entre líneas que suman cero</translation>
    </message>
</context>
<context>
    <name>pos::NumPad</name>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>pos::OnScreenKeyboard</name>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>pos::OpenRegisterScreen</name>
    <message>
        <source>Open %1: count the float</source>
        <translation>Abrir %1: cuente el fondo</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fondo de caja</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>This till&apos;s register is not set up in the store</source>
        <translation>La caja de este equipo no está dada de alta en la tienda</translation>
    </message>
</context>
<context>
    <name>pos::ProductPicker</name>
    <message>
        <source>Search products…</source>
        <translation>Buscar productos…</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>Buscar productos</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
</context>
<context>
    <name>pos::Receipt</name>
    <message>
        <source>RETURN</source>
        <translation>DEVOLUCIÓN</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>Descuento al ticket</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>on</source>
        <translation>sobre</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Thank you for your purchase</source>
        <translation>Gracias por su compra</translation>
    </message>
    <message>
        <source>Keep this receipt for returns</source>
        <translation>Conserve este ticket para devoluciones</translation>
    </message>
</context>
<context>
    <name>pos::Register</name>
    <message>
        <source>register_id: not a register of this store</source>
        <translation>register_id: no es una caja de esta tienda</translation>
    </message>
    <message>
        <source>id: already used by another session</source>
        <translation>id: ya lo usa otro turno</translation>
    </message>
    <message>
        <source>this register is already open; close it first</source>
        <translation>esta caja ya está abierta; ciérrala primero</translation>
    </message>
    <message>
        <source>no such register session</source>
        <translation>no existe ese turno de caja</translation>
    </message>
    <message>
        <source>this register was closed meanwhile</source>
        <translation>esta caja se cerró mientras tanto</translation>
    </message>
    <message>
        <source>the count is %1 off: a manager must sign off with a reason</source>
        <translation>el arqueo difiere en %1: un encargado debe autorizarlo con un motivo</translation>
    </message>
    <message>
        <source>someone else must sign off your own count</source>
        <translation>otra persona debe autorizar tu propio arqueo</translation>
    </message>
    <message>
        <source>session_id: not a session of this store</source>
        <translation>session_id: no es un turno de esta tienda</translation>
    </message>
    <message>
        <source>this register is closed</source>
        <translation>esta caja está cerrada</translation>
    </message>
</context>
<context>
    <name>pos::RegistrationScreen</name>
    <message>
        <source>This till waits for a manager&apos;s approval</source>
        <translation>Esta caja espera la aprobación de un gerente</translation>
    </message>
    <message>
        <source>Till &quot;%1&quot; (%2) asked the store server to register it. A manager approves it in the back office, or here with their username and password.</source>
        <translation>La caja &quot;%1&quot; (%2) pidió su alta al servidor de la tienda. Un gerente la aprueba en la oficina, o aquí con su usuario y contraseña.</translation>
    </message>
    <message>
        <source>Manager username</source>
        <translation>Usuario del gerente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Approve this till</source>
        <translation>Aprobar esta caja</translation>
    </message>
    <message>
        <source>Approved elsewhere: continue</source>
        <translation>Ya aprobada: continuar</translation>
    </message>
    <message>
        <source>This till is approved: cashiers can log in.</source>
        <translation>Caja aprobada: los cajeros ya pueden entrar.</translation>
    </message>
</context>
<context>
    <name>pos::Reports</name>
    <message>
        <source>by: must be one of: %1</source>
        <translation>by: debe ser uno de: %1</translation>
    </message>
    <message>
        <source>from, to: two dates, at most a year apart, like 2026-11-28</source>
        <translation>from, to: dos fechas, a lo sumo un año de distancia, como 2026-11-28</translation>
    </message>
</context>
<context>
    <name>pos::Sale</name>
    <message>
        <source>ticket_discount: is larger than the ticket</source>
        <translation>ticket_discount: es mayor que el ticket</translation>
    </message>
    <message>
        <source>is larger than the line</source>
        <translation>es mayor que la línea</translation>
    </message>
    <message>
        <source>customer_id: no such customer</source>
        <translation>customer_id: no existe ese cliente</translation>
    </message>
    <message>
        <source>store_id: is not this store</source>
        <translation>store_id: no es esta tienda</translation>
    </message>
    <message>
        <source>register_id: not a register of this store</source>
        <translation>register_id: no es una caja de esta tienda</translation>
    </message>
    <message>
        <source>session_id: not a session of this register</source>
        <translation>session_id: no es un turno de esta caja</translation>
    </message>
    <message>
        <source>this register is closed: open it to sell</source>
        <translation>esta caja está cerrada: ábrela para vender</translation>
    </message>
    <message>
        <source>cashier_id: is not the logged-in user</source>
        <translation>cashier_id: no es el usuario que ha iniciado sesión</translation>
    </message>
    <message>
        <source>no such product</source>
        <translation>no existe ese producto</translation>
    </message>
    <message>
        <source>this product sells in whole units</source>
        <translation>este producto se vende por unidades enteras</translation>
    </message>
    <message>
        <source>must be positive in a sale</source>
        <translation>debe ser positivo en una venta</translation>
    </message>
    <message>
        <source>differs from the catalog price %1: mark it as a price override</source>
        <translation>difiere del precio de catálogo %1: márcalo como cambio de precio</translation>
    </message>
    <message>
        <source>the totals disagree with the store&apos;s: %1</source>
        <translation>los totales no coinciden con los de la tienda: %1</translation>
    </message>
    <message>
        <source>no such tender</source>
        <translation>no existe esa forma de pago</translation>
    </message>
    <message>
        <source>payments: %1 does not cover the total %2</source>
        <translation>payments: %1 no cubre el total %2</translation>
    </message>
    <message>
        <source>payments: only cash (a tender that gives change) may pay more than is due</source>
        <translation>payments: solo el efectivo (una forma de pago que da cambio) puede pagar más de lo debido</translation>
    </message>
    <message>
        <source>change: should be %1</source>
        <translation>change: debería ser %1</translation>
    </message>
    <message>
        <source>id: a different sale was already stored with this id</source>
        <translation>id: ya se guardó otra venta con este id</translation>
    </message>
    <message>
        <source>no such sale</source>
        <translation>no existe esa venta</translation>
    </message>
    <message>
        <source>no such sold line</source>
        <translation>no existe esa línea vendida</translation>
    </message>
    <message>
        <source>is not this product on the original receipt</source>
        <translation>no es este producto en el ticket original</translation>
    </message>
    <message>
        <source>only %1 left to return</source>
        <translation>solo quedan %1 por devolver</translation>
    </message>
    <message>
        <source>must be the price sold at, %1</source>
        <translation>debe ser el precio de venta, %1</translation>
    </message>
    <message>
        <source>must be %1: what was taken off at the sale</source>
        <translation>debe ser %1: lo que se descontó en la venta</translation>
    </message>
    <message>
        <source>a return without a receipt is at today&apos;s price, %1</source>
        <translation>una devolución sin ticket va al precio de hoy, %1</translation>
    </message>
    <message>
        <source>must be negative in a return</source>
        <translation>debe ser negativo en una devolución</translation>
    </message>
    <message>
        <source>status: only completed sales are recorded here</source>
        <translation>status: aquí solo se registran ventas terminadas</translation>
    </message>
    <message>
        <source>ticket_discount: a return gives back what was paid, without one</source>
        <translation>ticket_discount: una devolución reintegra lo pagado, sin descuento de ticket</translation>
    </message>
    <message>
        <source>payments: a refund must add up to the total %1, with no change</source>
        <translation>payments: un reembolso debe sumar el total %1, sin cambio</translation>
    </message>
    <message>
        <source>sale.status: must be held</source>
        <translation>sale.status: debe estar en espera</translation>
    </message>
    <message>
        <source>this ticket was already recalled, or never held</source>
        <translation>este ticket ya se recuperó o nunca se puso en espera</translation>
    </message>
    <message>
        <source>this ticket is already a completed sale: void the sale instead</source>
        <translation>este ticket ya es una venta terminada: anula la venta</translation>
    </message>
    <message>
        <source>this sale is already voided</source>
        <translation>esta venta ya está anulada</translation>
    </message>
    <message>
        <source>no sale has receipt number %1</source>
        <translation>ninguna venta tiene el número de ticket %1</translation>
    </message>
    <message>
        <source>product %1 has an unknown tax</source>
        <translation>el producto %1 tiene un impuesto desconocido</translation>
    </message>
</context>
<context>
    <name>pos::SaleScreen</name>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Más…</translation>
    </message>
    <message>
        <source>PAY</source>
        <translation>COBRAR</translation>
    </message>
    <message>
        <source>Ticket
discount</source>
        <translation>Descuento
al ticket</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Abrir cajón</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reimprimir</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Corte X</translation>
    </message>
    <message>
        <source>Void
ticket</source>
        <translation>Anular
ticket</translation>
    </message>
    <message>
        <source>Switch
cashier</source>
        <translation>Cambiar
cajero</translation>
    </message>
    <message>
        <source>Close
register</source>
        <translation>Cerrar
caja</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Volver</translation>
    </message>
    <message>
        <source>Item not found: %1</source>
        <translation>Artículo no encontrado: %1</translation>
    </message>
    <message>
        <source>This ticket is a return: finish it before selling</source>
        <translation>Este ticket es una devolución: termínela antes de vender</translation>
    </message>
    <message>
        <source>Select a line first</source>
        <translation>Seleccione primero una línea</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Aprobación del gerente</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed for this</source>
        <translation>Se necesita el PIN de un gerente</translation>
    </message>
    <message>
        <source>%1 may not approve this</source>
        <translation>%1 no puede aprobar esto</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Quantity must be more than zero</source>
        <translation>La cantidad debe ser mayor que cero</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Precio nuevo</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>Un precio no puede ser negativo</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>Descuento al ticket</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Descuento a la línea</translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation>Porcentaje %</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>A discount cannot be negative</source>
        <translation>Un descuento no puede ser negativo</translation>
    </message>
    <message>
        <source>Ticket held</source>
        <translation>Ticket en espera</translation>
    </message>
    <message>
        <source>Finish or hold this ticket before recalling another</source>
        <translation>Termine o ponga en espera este ticket antes de recuperar otro</translation>
    </message>
    <message>
        <source>Held tickets</source>
        <translation>Tickets en espera</translation>
    </message>
    <message>
        <source>Finish or hold this ticket before a return</source>
        <translation>Termine o ponga en espera este ticket antes de una devolución</translation>
    </message>
    <message>
        <source>Return: receipt number</source>
        <translation>Devolución: número de ticket</translation>
    </message>
    <message>
        <source>Find %1</source>
        <translation>Buscar %1</translation>
    </message>
    <message>
        <source>Return of %1: remove what does not come back</source>
        <translation>Devolución de %1: quite lo que no se devuelve</translation>
    </message>
    <message>
        <source>Void this whole ticket?</source>
        <translation>¿Anular todo este ticket?</translation>
    </message>
    <message>
        <source>Ticket voided</source>
        <translation>Ticket anulado</translation>
    </message>
    <message>
        <source>The ticket is empty</source>
        <translation>El ticket está vacío</translation>
    </message>
</context>
<context>
    <name>pos::Scan</name>
    <message>
        <source>nothing has the code %1</source>
        <translation>ningún producto tiene el código %1</translation>
    </message>
    <message>
        <source>%1 is not for sale</source>
        <translation>%1 no está a la venta</translation>
    </message>
</context>
<context>
    <name>pos::Server</name>
    <message>
        <source>%1: must be a whole number from %2 to %3</source>
        <translation>%1: debe ser un número entero entre %2 y %3</translation>
    </message>
    <message>
        <source>username: is already taken</source>
        <translation>username: ya está en uso</translation>
    </message>
    <message>
        <source>pin: is already in use; choose another</source>
        <translation>pin: ya está en uso; elige otro</translation>
    </message>
    <message>
        <source>permissions: %1 is not a permission</source>
        <translation>permissions: %1 no es un permiso</translation>
    </message>
    <message>
        <source>name: is already taken</source>
        <translation>name: ya está en uso</translation>
    </message>
    <message>
        <source>%1: must be a UUID</source>
        <translation>%1: debe ser un UUID</translation>
    </message>
    <message>
        <source>%1: is not a known parameter</source>
        <translation>%1: no es un parámetro conocido</translation>
    </message>
    <message>
        <source>log in first</source>
        <translation>inicia sesión primero</translation>
    </message>
    <message>
        <source>you need the permission %1; ask a manager</source>
        <translation>necesitas el permiso %1; pide ayuda a un encargado</translation>
    </message>
    <message>
        <source>%1 is not served here</source>
        <translation>%1 no se atiende en este servidor</translation>
    </message>
    <message>
        <source>password: must be at least 8 characters</source>
        <translation>password: debe tener al menos 8 caracteres</translation>
    </message>
    <message>
        <source>pin: must be 4 to 8 digits</source>
        <translation>pin: debe tener entre 4 y 8 dígitos</translation>
    </message>
    <message>
        <source>user.id: does not match the address</source>
        <translation>user.id: no coincide con la dirección</translation>
    </message>
    <message>
        <source>no such user</source>
        <translation>no existe ese usuario</translation>
    </message>
    <message>
        <source>sku: %1 already belongs to another product</source>
        <translation>sku: %1 ya pertenece a otro producto</translation>
    </message>
    <message>
        <source>barcodes: %1 already belongs to another product</source>
        <translation>barcodes: %1 ya pertenece a otro producto</translation>
    </message>
    <message>
        <source>no such product</source>
        <translation>no existe ese producto</translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation>comando desconocido %1</translation>
    </message>
    <message>
        <source>postgresql://user:pass@host:port/db or sqlite:///path/file.db</source>
        <translation>postgresql://usuario:contraseña@servidor:puerto/base o sqlite:///ruta/archivo.db</translation>
    </message>
    <message>
        <source>secret that signs session tokens, at least 32 characters</source>
        <translation>secreto que firma los tokens de sesión, al menos 32 caracteres</translation>
    </message>
    <message>
        <source>TCP port (HQ 3001, store 3002)</source>
        <translation>puerto TCP (central 3001, tienda 3002)</translation>
    </message>
    <message>
        <source>address to listen on (default all)</source>
        <translation>dirección en la que escuchar (por omisión todas)</translation>
    </message>
    <message>
        <source>largest request body accepted (default 1048576)</source>
        <translation>cuerpo de petición más grande aceptado (por omisión 1048576)</translation>
    </message>
    <message>
        <source>close idle connections after this (default 30000)</source>
        <translation>cerrar conexiones inactivas tras este tiempo (por omisión 30000)</translation>
    </message>
    <message>
        <source>a request must arrive within this (default 30000)</source>
        <translation>una petición debe llegar completa en este tiempo (por omisión 30000)</translation>
    </message>
    <message>
        <source>default 64</source>
        <translation>por omisión 64</translation>
    </message>
    <message>
        <source>this store&apos;s UUID</source>
        <translation>el UUID de esta tienda</translation>
    </message>
    <message>
        <source>this store&apos;s code, e.g. ST01</source>
        <translation>el código de esta tienda, p. ej. ST01</translation>
    </message>
    <message>
        <source>head office server, e.g. https://hq.example.com</source>
        <translation>servidor de la central, p. ej. https://hq.example.com</translation>
    </message>
    <message>
        <source>this store&apos;s sync credential at HQ</source>
        <translation>la credencial de sincronización de esta tienda en la central</translation>
    </message>
    <message>
        <source>poll HQ at least this often (default 30000)</source>
        <translation>consultar la central al menos con esta frecuencia (por omisión 30000)</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation>%1 debe ser un número entero entre %2 y %3</translation>
    </message>
    <message>
        <source>POS head office server</source>
        <translation>servidor de la central del TPV</translation>
    </message>
    <message>
        <source>POS store server</source>
        <translation>servidor de tienda del TPV</translation>
    </message>
    <message>
        <source>development mode: allow a missing or weak JWT_SECRET</source>
        <translation>modo de desarrollo: permite un JWT_SECRET ausente o débil</translation>
    </message>
    <message>
        <source>DATABASE_URL is not set</source>
        <translation>DATABASE_URL no está definido</translation>
    </message>
    <message>
        <source>JWT_SECRET is missing or shorter than %1 characters; generate one with &quot;openssl rand -hex 32&quot; (or start with --dev for a throw-away one)</source>
        <translation>JWT_SECRET falta o tiene menos de %1 caracteres; genera uno con &quot;openssl rand -hex 32&quot; (o arranca con --dev para uno desechable)</translation>
    </message>
    <message>
        <source>HOST is not an address: %1</source>
        <translation>HOST no es una dirección: %1</translation>
    </message>
    <message>
        <source>First start: user &quot;admin&quot; created with password %1</source>
        <translation>Primer arranque: usuario &quot;admin&quot; creado con la contraseña %1</translation>
    </message>
    <message>
        <source>barcodes[%1]: %2 has a wrong check digit</source>
        <translation>barcodes[%1]: %2 tiene un dígito de control incorrecto</translation>
    </message>
    <message>
        <source>product %1 has an unknown tax</source>
        <translation>el producto %1 tiene un impuesto desconocido</translation>
    </message>
    <message>
        <source>the prefix, item and value must fit in the first 12 digits without overlapping the prefix</source>
        <translation>el prefijo, el artículo y el valor deben caber en los 12 primeros dígitos sin solaparse con el prefijo</translation>
    </message>
    <message>
        <source>this store is not set up yet</source>
        <translation>esta tienda aún no está configurada</translation>
    </message>
    <message>
        <source>no such register</source>
        <translation>no existe esa caja</translation>
    </message>
    <message>
        <source>name: %1 is not a setting that can be changed</source>
        <translation>name: %1 no es un ajuste que se pueda cambiar</translation>
    </message>
    <message>
        <source>value: must be a whole number of cents</source>
        <translation>value: debe ser un número entero de centavos</translation>
    </message>
    <message>
        <source>rows a pulled page holds, 1 to 5000 (default 5000)</source>
        <translation>filas por página al traer datos, de 1 a 5000 (por omisión 5000)</translation>
    </message>
    <message>
        <source>records a push batch holds, 1 to 1000 (default 1000)</source>
        <translation>registros por lote al enviar datos, de 1 a 1000 (por omisión 1000)</translation>
    </message>
</context>
<context>
    <name>pos::SessionReportView</name>
    <message>
        <source>Z report: register closed</source>
        <translation>Corte Z: caja cerrada</translation>
    </message>
    <message>
        <source>X report: register open</source>
        <translation>Corte X: caja abierta</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1 in all</source>
        <translation>
            <numerusform>%n venta, %1 en total</numerusform>
            <numerusform>%n ventas, %1 en total</numerusform>
        </translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Over / short</source>
        <translation>Sobrante / faltante</translation>
    </message>
    <message>
        <source>The count matches.</source>
        <translation>El conteo cuadra.</translation>
    </message>
    <message>
        <source>Short by %1</source>
        <translation>Faltan %1</translation>
    </message>
    <message>
        <source>Over by %1</source>
        <translation>Sobran %1</translation>
    </message>
</context>
<context>
    <name>pos::Stock</name>
    <message>
        <source>store_id: is not this store</source>
        <translation>store_id: no es esta tienda</translation>
    </message>
    <message>
        <source>an adjustment needs a reason and a quantity</source>
        <translation>un ajuste necesita un motivo y una cantidad</translation>
    </message>
    <message>
        <source>quantity: a count cannot be negative</source>
        <translation>quantity: un conteo no puede ser negativo</translation>
    </message>
    <message>
        <source>product_id: no such product</source>
        <translation>product_id: no existe ese producto</translation>
    </message>
    <message>
        <source>kind: only adjustments, counts and receivings are entered here</source>
        <translation>kind: aquí solo se registran ajustes, conteos y recepciones</translation>
    </message>
    <message>
        <source>quantity: goods received must be more than zero</source>
        <translation>quantity: la mercancía recibida debe ser más de cero</translation>
    </message>
</context>
<context>
    <name>pos::Sync</name>
    <message>
        <source>this sync token is not valid</source>
        <translation>este token de sincronización no es válido</translation>
    </message>
    <message>
        <source>a change names an unknown table: %1</source>
        <translation>un cambio nombra una tabla desconocida: %1</translation>
    </message>
    <message>
        <source>%1: names another store than the one pushing</source>
        <translation>%1: nombra otra tienda que la que envía</translation>
    </message>
    <message>
        <source>sequence %1 waits for %2</source>
        <translation>la secuencia %1 espera a la %2</translation>
    </message>
    <message>
        <source>a different %1 was already received with this id</source>
        <translation>ya se recibió un %1 distinto con este id</translation>
    </message>
    <message>
        <source>kind: unknown record kind %1</source>
        <translation>kind: tipo de registro desconocido %1</translation>
    </message>
    <message>
        <source>only a store&apos;s sync session may push</source>
        <translation>solo la sesión de sincronización de una tienda puede enviar</translation>
    </message>
    <message>
        <source>waits for an earlier record</source>
        <translation>espera a un registro anterior</translation>
    </message>
    <message>
        <source>%1 %2 does not exist</source>
        <translation>%1 %2 no existe</translation>
    </message>
    <message>
        <source>%1 %2 lists the same %3 twice</source>
        <translation>%1 %2 repite el mismo %3 en su lista</translation>
    </message>
    <message>
        <source>the page of changes is not a JSON object</source>
        <translation>la página de cambios no es un objeto JSON</translation>
    </message>
    <message>
        <source>the page of changes has no list of changes</source>
        <translation>la página de cambios no trae la lista de cambios</translation>
    </message>
    <message>
        <source>a change of the page is not an object</source>
        <translation>un cambio de la página no es un objeto</translation>
    </message>
    <message>
        <source>a change of %1 %2 has no id or no row</source>
        <translation>un cambio de %1 %2 no trae id o fila</translation>
    </message>
    <message>
        <source>the batch must be a JSON object</source>
        <translation>el lote debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>%1: a row is not an object</source>
        <translation>%1: una fila no es un objeto</translation>
    </message>
    <message>
        <source>row: must be an object</source>
        <translation>row: debe ser un objeto</translation>
    </message>
</context>
<context>
    <name>pos::Tax</name>
    <message>
        <source>tax rate must be a percentage like 16 or 9.975</source>
        <translation>la tasa de impuesto debe ser un porcentaje como 16 o 9.975</translation>
    </message>
    <message>
        <source>tax rate above 1000 %</source>
        <translation>tasa de impuesto superior al 1000 %</translation>
    </message>
</context>
<context>
    <name>pos::TenderScreen</name>
    <message>
        <source>Back to ticket</source>
        <translation>Volver al ticket</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>Quitar pago</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>Completar venta</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Nueva venta</translation>
    </message>
    <message>
        <source>Amount handed over</source>
        <translation>Importe recibido</translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation>El importe debe ser mayor que cero</translation>
    </message>
    <message>
        <source>%1 gives no change: at most %2</source>
        <translation>%1 no da cambio: como máximo %2</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Reembolso %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>A pagar %1</translation>
    </message>
    <message>
        <source>Remaining %1</source>
        <translation>Resta %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambio %1</translation>
    </message>
    <message>
        <source>Sale %1 recorded</source>
        <translation>Venta %1 registrada</translation>
    </message>
</context>
<context>
    <name>pos::Terminal</name>
    <message>
        <source>%1: must be one of %2</source>
        <translation>%1: debe ser uno de %2</translation>
    </message>
    <message>
        <source>printer.address: an ESC/POS printer needs one</source>
        <translation>printer.address: una impresora ESC/POS necesita una</translation>
    </message>
    <message>
        <source>printer.pdf_folder: a PDF printer needs one</source>
        <translation>printer.pdf_folder: una impresora PDF necesita una</translation>
    </message>
    <message>
        <source>apiUrl: not a URL</source>
        <translation>apiUrl: no es una URL</translation>
    </message>
    <message>
        <source>databaseUrl: in-process mode needs one</source>
        <translation>databaseUrl: el modo integrado necesita una</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1: no es un objeto JSON (%2)</translation>
    </message>
    <message>
        <source>the keychain is not available: %1</source>
        <translation>el llavero del sistema no está disponible: %1</translation>
    </message>
    <message>
        <source>storeId: in-process mode needs this store&apos;s id</source>
        <translation>storeId: el modo integrado necesita el id de esta tienda</translation>
    </message>
    <message>
        <source>First start: user &quot;admin&quot; created with password %1</source>
        <translation>Primer arranque: usuario &quot;admin&quot; creado con la contraseña %1</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Aprobación del gerente</translation>
    </message>
</context>
<context>
    <name>pos::TerminalWindow</name>
    <message>
        <source>Finish or hold the ticket before closing the register</source>
        <translation>Termine o ponga en espera el ticket antes de cerrar la caja</translation>
    </message>
    <message>
        <source>Register %1 is not set up in this store</source>
        <translation>La caja %1 no está dada de alta en esta tienda</translation>
    </message>
    <message>
        <source>Log in and open the register before scanning</source>
        <translation>Entre y abra la caja antes de escanear</translation>
    </message>
    <message>
        <source>Finish the payment first</source>
        <translation>Termine primero el cobro</translation>
    </message>
    <message>
        <source>POS terminal</source>
        <translation>Terminal punto de venta</translation>
    </message>
    <message>
        <source>⏳ working…</source>
        <translation>⏳ procesando…</translation>
    </message>
    <message>
        <source>● store online</source>
        <translation>● tienda en línea</translation>
    </message>
    <message>
        <source>● store offline</source>
        <translation>● tienda sin conexión</translation>
    </message>
    <message>
        <source>● printer ok</source>
        <translation>● impresora lista</translation>
    </message>
    <message>
        <source>● printer</source>
        <translation>● impresora</translation>
    </message>
    <message>
        <source>The store server is not answering</source>
        <translation>El servidor de la tienda no responde</translation>
    </message>
</context>
<context>
    <name>pos::TicketView</name>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message>
        <source>Rep: %1</source>
        <translation>Vendedor: %1</translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation>Subtotal %1</translation>
    </message>
    <message>
        <source>Ticket discount −%1</source>
        <translation>Descuento al ticket −%1</translation>
    </message>
    <message>
        <source>TOTAL %1</source>
        <translation>TOTAL %1</translation>
    </message>
</context>
<context>
    <name>pos::TillDevices</name>
    <message numerus="yes">
        <source>%1 — %n receipt(s) waiting to print</source>
        <translation>
            <numerusform>%1 — %n ticket por imprimir</numerusform>
            <numerusform>%1 — %n tickets por imprimir</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash drawer: %1</source>
        <translation>Cajón de dinero: %1</translation>
    </message>
</context>
<context>
    <name>pos::Transfers</name>
    <message>
        <source>only a received transfer whose counts differ is resolved</source>
        <translation>solo se resuelve un traspaso recibido cuyas cantidades difieren</translation>
    </message>
    <message>
        <source>no such transfer</source>
        <translation>no existe ese traspaso</translation>
    </message>
    <message>
        <source>to_store_id: a store cannot send to itself</source>
        <translation>to_store_id: una tienda no puede enviarse a sí misma</translation>
    </message>
    <message>
        <source>to_store_id: no such store</source>
        <translation>to_store_id: no existe esa tienda</translation>
    </message>
    <message>
        <source>product listed twice</source>
        <translation>producto repetido</translation>
    </message>
    <message>
        <source>no such product</source>
        <translation>no existe ese producto</translation>
    </message>
    <message>
        <source>not in this transfer</source>
        <translation>no está en este traspaso</translation>
    </message>
    <message>
        <source>received and damaged come to more than the %1 sent</source>
        <translation>recibido y dañado suman más que los %1 enviados</translation>
    </message>
    <message>
        <source>no such transfer to this store</source>
        <translation>no existe ese traspaso a esta tienda</translation>
    </message>
</context>
<context>
    <name>pos::json</name>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>está fuera de rango</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>debe ser un texto</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no debe estar vacío</translation>
    </message>
    <message>
        <source>must be at least %1 characters</source>
        <translation>debe tener al menos %1 caracteres</translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation>debe tener como máximo %1 caracteres</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <source>must have at least %1 items</source>
        <translation>debe tener al menos %1 elementos</translation>
    </message>
    <message>
        <source>must have at most %1 items</source>
        <translation>debe tener como máximo %1 elementos</translation>
    </message>
    <message>
        <source>must be %1 to %2 characters</source>
        <translation>debe tener entre %1 y %2 caracteres</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser verdadero o falso</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>debe estar entre %1 y %2</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>no debe ser negativo</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>debe ser al menos %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>debe ser como máximo %1</translation>
    </message>
    <message>
        <source>must not be zero</source>
        <translation>no debe ser cero</translation>
    </message>
    <message>
        <source>must be a percentage as a string, like &quot;16&quot; or &quot;9.975&quot;</source>
        <translation>debe ser un porcentaje como texto, por ejemplo &quot;16&quot; o &quot;9.975&quot;</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>debe ser un UUID</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>aparece dos veces</translation>
    </message>
    <message>
        <source>must be an ISO 8601 timestamp with a time zone</source>
        <translation>debe ser una fecha y hora ISO 8601 con zona horaria</translation>
    </message>
    <message>
        <source>must be a date like 2026-11-28</source>
        <translation>debe ser una fecha como 2026-11-28</translation>
    </message>
    <message>
        <source>is not a known field</source>
        <translation>no es un campo conocido</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>debe ser uno de: %1</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>debe ser un objeto</translation>
    </message>
</context>
</TS>
