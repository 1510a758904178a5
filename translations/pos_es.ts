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
    <name>pos::Reports</name>
    <message>
        <source>from, to: two dates, at most a year apart, like 2026-11-28</source>
        <translation>from, to: dos fechas, como mucho a un año de distancia, como 2026-11-28</translation>
    </message>
    <message>
        <source>by: must be one of: %1</source>
        <translation>by: debe ser uno de: %1</translation>
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
