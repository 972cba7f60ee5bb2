create table owners (id integer primary key, name text collate nocase);
create table pets (id integer primary key, owner integer, name text);
create index pets_owner on pets (owner);
create view named_pets as select name from pets;
.tables
.tables own%
.indexes
.indexes owners
.schema pets
.mode
