//! The other matters a 决算 states: 机关运行经费, 政府采购 and 国有资产 (vehicles and large equipment).

use super::wording::{because, compared, get, sentence, text};
use super::{Block, Ctx, para};
use crate::money::Amount;

/// （十）机关运行经费支出说明, Zhejiang: against the year-start budget and last year.
pub(super) fn zhejiang_operating_costs(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let o = &ctx.doc.operating_costs;
    let a = o.actual.amount;
    let mut s = match &o.budget {
        Some(b) => format!(
            "{}年度机关运行经费年初预算数为{}，支出决算为{}{}",
            ctx.year,
            w.wan(b.amount),
            w.wan(a),
            w.completion(a, b.amount, "年初预算")
        ),
        None => format!("{}年度机关运行经费支出决算为{}", ctx.year, w.wan(a)),
    };
    if let (Some(b), Some(r)) = (&o.budget, text(&o.budget_reason)) {
        s += &format!("，决算数{}预算数的主要原因是{r}", compared(a, b.amount));
    }
    if let Some(p) = &o.previous {
        s += &format!("；{}", w.versus(&ctx.prev, a, **p));
        s += &because(text(&o.change_reason));
    }
    s.push('。');
    out.push(para(s));
}

/// The total of 政府采购: as stated, else goods + works + services.
fn procurement_total(ctx: &Ctx) -> Amount {
    let p = &ctx.doc.procurement;
    p.total
        .as_ref()
        .map(|t| t.amount)
        .unwrap_or(p.goods.amount + p.works.amount + p.services.amount)
}

/// （十一）政府采购支出说明, Zhejiang.
pub(super) fn zhejiang_procurement(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let p = &ctx.doc.procurement;
    let total = procurement_total(ctx);
    if total.is_zero() {
        out.push(para(format!(
            "本{}{}年度无政府采购支出，故无相关数据。",
            ctx.kind, ctx.year
        )));
        return;
    }
    let mut s = format!(
        "{}年度政府采购支出总额{}，其中：政府采购货物支出{}、政府采购工程支出{}、政府采购服务支出{}。",
        ctx.year,
        w.wan(total),
        w.wan(p.goods.amount),
        w.wan(p.works.amount),
        w.wan(p.services.amount),
    );
    if let Some(sme) = &p.sme {
        s += &format!(
            "授予中小企业合同金额{}{}。",
            w.wan(sme.amount),
            w.share(sme.amount, total, "，占政府采购支出总额的")
                .unwrap_or_default()
        );
    }
    if let Some(small) = &p.small_micro {
        s += &format!(
            "其中，授予小微企业合同金额{}{}。",
            w.wan(small.amount),
            w.share(small.amount, total, "，占政府采购支出总额的")
                .unwrap_or_default()
        );
    }
    out.push(para(s));
}

/// （十二）国有资产占有情况说明, Zhejiang.
pub(super) fn zhejiang_assets(ctx: &Ctx, out: &mut Vec<Block>) {
    let a = &ctx.doc.assets;
    let mut s = format!(
        "截至{}年12月31日，{}{}",
        ctx.year,
        ctx.unit(),
        vehicles(ctx, "，其中，")
    );
    let equipment: Vec<String> = [
        ("单价50万元以上通用设备", &a.general_equipment_over_500k),
        ("单价100万元以上专用设备", &a.special_equipment_over_1m),
    ]
    .into_iter()
    .filter_map(|(label, n)| n.as_ref().map(|n| format!("{label}{}台（套）", **n)))
    .collect();
    if !equipment.is_empty() {
        s += &format!("；{}", equipment.join("，"));
    }
    s.push('。');
    out.push(para(s));
}

/// "共有车辆N辆{then}A n辆、B m辆", the kinds in the data's order.
fn vehicles(ctx: &Ctx, then: &str) -> String {
    let a = &ctx.doc.assets;
    let total: u32 = a.vehicles.iter().map(|v| *v.count).sum();
    let kinds: Vec<String> = a
        .vehicles
        .iter()
        .map(|v| format!("{}{}辆", v.kind.value, *v.count))
        .collect();
    if kinds.is_empty() {
        format!("共有车辆{total}辆")
    } else {
        format!("共有车辆{total}辆{then}{}", kinds.join("、"))
    }
}

/// （一）机关运行经费支出情况, Shanghai: against last year.
pub(super) fn shanghai_operating_costs(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let o = &ctx.doc.operating_costs;
    let a = o.actual.amount;
    let previous = o.previous.as_ref().map(|p| p.amount);
    if a.is_zero() && previous.is_none_or(Amount::is_zero) {
        out.push(para(format!(
            "{}{}年度无机关运行经费支出。",
            ctx.unit(),
            ctx.year
        )));
        return;
    }
    let mut s = format!("机关运行经费支出{}", w.wan(a));
    if let Some(p) = previous {
        s += &match w.change(a, p).as_str() {
            "持平" => format!("，与{}持平", ctx.prev),
            change => format!("，比{}{change}", ctx.prev),
        };
    }
    s.push('。');
    if let Some(r) = text(&o.change_reason) {
        s += &format!("主要原因是{}", sentence(r));
    }
    out.push(para(s));
}

/// （二）政府采购支出情况, Shanghai: the amount by kind, then what was reserved for and awarded to 中小企业.
pub(super) fn shanghai_procurement(ctx: &Ctx, out: &mut Vec<Block>) {
    let w = ctx.words;
    let p = &ctx.doc.procurement;
    let total = procurement_total(ctx);
    out.push(para(format!(
        "{}{}年度政府采购金额（以合同签订为准）为{}，其中：货物采购金额{}、工程采购金额{}、服务采购金额{}。",
        ctx.unit(),
        ctx.year,
        w.wan(total),
        w.wan(p.goods.amount),
        w.wan(p.works.amount),
        w.wan(p.services.amount),
    )));
    let reserved = [
        &p.reserved_sme,
        &p.reserved_small_micro,
        &p.reserved_sme_awarded,
        &p.reserved_small_micro_awarded,
        &p.other_sme_awarded,
    ];
    if reserved.iter().all(|m| m.is_some()) {
        let [sme, small, sme_awarded, small_awarded, other] =
            reserved.map(|m| w.wan(get(m.as_ref())));
        out.push(para(format!(
            "{}年度本{}面向中小企业预留政府采购项目预算金额{sme}，面向小微企业预留政府采购项目预算金额{small}。\
             在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{sme_awarded}；\
             在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{small_awarded}；\
             在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{other}。",
            ctx.year, ctx.kind
        )));
    }
}

/// （三）国有资产占有使用情况说明, Shanghai: vehicles by kind and equipment of 100万元 or more.
pub(super) fn shanghai_assets(ctx: &Ctx, out: &mut Vec<Block>) {
    let a = &ctx.doc.assets;
    let mut s = format!(
        "截至{}年12月31日，{}{}。",
        ctx.year,
        ctx.unit(),
        vehicles(ctx, "，其中：")
    );
    if let Some(n) = &a.equipment_over_1m {
        s += &format!("单价100万元（含）以上设备（不含车辆）{}台（套）。", **n);
    }
    out.push(para(s));
}
