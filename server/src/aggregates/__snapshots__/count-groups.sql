
    with stay as (
      select e.student_id, sc.id as school_id,
        sc.province_code as d_province, sc.code as d_school, sc.level as d_level, c.grade_level as d_grade_level,
        coalesce(c.track, 'nessuno') as d_track, st.sex as d_sex,
        case when 1 = 0 then 'italiano'
          when st.born_in_italy = 1 then 'straniero_nato_in_italia'
          when st.arrival_date is not null and st.arrival_date >= ? then 'neo_arrivato'
          else 'straniero_nato_all_estero' end as d_citizenship_group,
        case when e.left_on is not null then e.exit_reason end as exit_reason,
        row_number() over (partition by e.student_id order by e.entered_on desc, e.id desc) as rn
      from enrolment e
      join class c on c.id = e.class_id
      join school sc on sc.id = c.school_id
      join student st on st.id = e.student_id
      where c.school_year_id = ? and c.grade_level = ?
    ),
    last_review as (
      select v.student_id, v.action, v.tier from risk_review v
      where v.school_year_id = ?
        and not exists (select 1 from risk_review w where w.student_id = v.student_id and w.school_year_id = v.school_year_id and w.id > v.id)
    ),
    case_fact as (
      select student_id, max(case when status <> 'closed' then 1 else 0 end) as open_case, max(case when outcome is not null then 1 else 0 end) as closed_case,
        max(case when outcome = ? then 1 else 0 end) as "o_back_on_track", max(case when outcome = ? then 1 else 0 end) as "o_reoriented", max(case when outcome = ? then 1 else 0 end) as "o_left_education", max(case when outcome = ? then 1 else 0 end) as "o_moved_away", max(case when outcome = ? then 1 else 0 end) as "o_other"
      from support_case group by student_id
    ),
    action_fact as (
      select c.student_id,
        max(case when a.type = ? then 1 else 0 end) as "a_family_meeting", max(case when a.type = ? then 1 else 0 end) as "a_cultural_mediation", max(case when a.type = ? then 1 else 0 end) as "a_tutoring", max(case when a.type = ? then 1 else 0 end) as "a_italian_l2", max(case when a.type = ? then 1 else 0 end) as "a_other", max(case when a.type = ? then 1 else 0 end) as "a_reorient_school", max(case when a.type = ? then 1 else 0 end) as "a_reorient_iefp", max(case when a.type = ? then 1 else 0 end) as "a_reorient_work", max(case when a.type = ? then 1 else 0 end) as "a_reorient_cpia", max(case when a.type = ? then 1 else 0 end) as "a_pua_referral",
        max(case when a.destination is not null then 1 else 0 end) as reoriented, max(case when a.destination is not null and a.arrived = 1 then 1 else 0 end) as arrived
      from case_action a join support_case c on c.id = a.case_id group by c.student_id
    ),
    fact as (
      select s.*,
        case when r.tier is null then null when v.action = 'override' and v.tier is not null then v.tier else r.tier end as tier,
        r.attendance_rate, r.projected_absence, r.failing_subjects, r.age_grade_delay,
        case when exists (select 1 from flag f where f.student_id = s.student_id) then 1 else 0 end as flagged,
        cf.open_case, cf.closed_case, "cf"."o_back_on_track", "cf"."o_reoriented", "cf"."o_left_education", "cf"."o_moved_away", "cf"."o_other",
        "af"."a_family_meeting", "af"."a_cultural_mediation", "af"."a_tutoring", "af"."a_italian_l2", "af"."a_other", "af"."a_reorient_school", "af"."a_reorient_iefp", "af"."a_reorient_work", "af"."a_reorient_cpia", "af"."a_pua_referral", af.reoriented, af.arrived
      from stay s
      left join risk_result r on r.student_id = s.student_id and r.school_year_id = ?
      left join last_review v on v.student_id = s.student_id
      left join case_fact cf on cf.student_id = s.student_id
      left join action_fact af on af.student_id = s.student_id
      where s.rn = 1
    ),
    keyed as (select fact.*, ((((cast("fact"."student_id" as bigint) * cast(? as bigint) + cast(? as bigint)) % cast(? as bigint)) * cast(? as bigint) + cast(? as bigint)) % cast(? as bigint)) as cell_key from fact)
    select "d_province", "d_citizenship_group", count(*) as n, sum(case when 1 = 1 then 1 else 0 end) as "students", sum(case when tier = 3 then 1 else 0 end) as "tier3", sum(case when 1 = 1 then cell_key else 0 end) as "k_students", sum(case when tier = 3 then cell_key else 0 end) as "k_tier3"
    from keyed
    where 1 = 1 and school_id in (?, ?)
    group by "d_province", "d_citizenship_group"
  