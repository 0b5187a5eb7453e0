-- 售后漏斗：每个环节到达的工单数，以及占发现故障工单的比例（%）。
-- 由 `journeymap data pull` 运行（DuckDB），结果写入 data/funnel.csv。
select 环节,
       count(distinct 工单号) as 工单数,
       round(100.0 * count(distinct 工单号) / (select count(distinct 工单号) from read_csv('data/tickets.csv') where 环节 = '发现故障'), 1) as 到达率
from read_csv('data/tickets.csv')
group by 环节
order by 工单数 desc
