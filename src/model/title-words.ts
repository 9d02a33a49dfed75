/**
 * Words that often stand in report titles. A title break inside one of them splits a word, so
 * the title breaker avoids it. ICU's zh dictionary (Intl.Segmenter) finds most words; this list
 * adds the longer terms it splits (安全生产, 乡村振兴) and stands alone where Node runs without it.
 * Data, not logic: add words here when a title breaks badly.
 */
export const TITLE_WORDS = `
人民政府 委员会 人民代表大会 政协 党委 党工委 办公室 领导小组 指挥部 街道 社区 乡镇 县委 市委
工作 总结 思路 计划 规划 方案 报告 通知 意见 办法 决定 通报 请示 批复 函 纪要 要点 安排 部署
情况 汇报 自查 整改 落实 推进 实施 开展 做好 加强 加快 深化 全面 进一步 关于 印发 转发 有关
上半年 下半年 全年 年度 季度 一季度 二季度 三季度 四季度 月份 前三季度 以来 期间 阶段
经济 社会 运行 发展 高质量 建设 乡村振兴 振兴 共同富裕 营商环境 招商引资 项目 重点 重大
安全生产 安全 生产 隐患 排查 整治 专项 行动 治理 防控 应急 管理 服务 保障 民生 就业 教育
医疗 养老 生态 环境 保护 文明 创建 城乡 融合 基础设施 交通 水利 农业 农村 农民 粮食 产业
工业 企业 投资 消费 财政 收入 税收 统计 指标 目标 任务 完成 主要 考核 责任 制度 机制 体系
党建 党风廉政 廉政 作风 基层 组织 干部 队伍 宣传 文化 旅游 体育 卫生 健康 疫情 防汛 森林 防火
`.trim().split(/\s+/u);
