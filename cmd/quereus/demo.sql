-- The quereus shell demo: a small schema, a transaction, a few queries.
create table authors (id integer primary key, name text, born integer null);
create table books (
  id integer primary key,
  author_id integer references authors(id),
  title text,
  year integer,
  rating real null
);
create index books_year on books (year);

begin;
insert into authors values (1, 'Ursula K. Le Guin', 1929), (2, 'Octavia E. Butler', 1947), (3, 'Iain M. Banks', null);
insert into books values
  (1, 1, 'A Wizard of Earthsea', 1968, 4.2),
  (2, 1, 'The Left Hand of Darkness', 1969, 4.1),
  (3, 2, 'Kindred', 1979, 4.3),
  (4, 2, 'Parable of the Sower', 1993, null),
  (5, 3, 'Consider Phlebas', 1987, 3.9);
commit;

select a.name, count(*) as books, round(avg(b.rating), 2) as avg_rating
  from authors a join books b on b.author_id = a.id
  group by a.name
  order by books desc, a.name;

select title, year from books where year between 1960 and 1980 order by year;

explain query plan select title from books where year = 1979;
