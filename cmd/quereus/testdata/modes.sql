create table pets (id integer primary key, name text, weight real null, vaccinated boolean);
insert into pets values (1, 'Rex', 12.5, true), (2, 'Tom''s cat', null, false), (3, '', 0.25, true);
.mode table
select * from pets order by id;
.mode box
select id, name from pets order by id;
.mode csv
select * from pets order by id;
.mode json
select * from pets order by id;
select id, json_object('name', name) as doc from pets where id = 1;
.mode line
select id, name from pets where id < 3 order by id;
.mode list
.headers off
select id, weight from pets order by id;
.nullvalue <null>
select weight from pets where id = 2;
