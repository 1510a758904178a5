<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
