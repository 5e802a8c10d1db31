extension DemoScenario {
    /// The hot-search list: fifty ordinary topics, none naming a platform incident.
    static let trendingTitles: [String] = [
        "双十一预售今晚开启", "新款折叠屏手机发布", "世界杯预选赛今晚开战", "初雪来了", "年度十大流行语公布",
        "高铁新线路开通", "冬季养生小常识", "演唱会门票秒空", "新电影票房破十亿", "城市马拉松报名开始",
        "考研倒计时一个月", "火锅店排队三小时", "猫咪冬天也爱晒太阳", "天文台拍到流星雨", "国产动画电影定档",
        "周末去哪儿玩", "健身房新年优惠", "奶茶新品上市", "博物馆夜场开放", "冬奥冠军回母校",
        "Winter solstice recipes", "New smartphone unboxing", "Holiday travel tips", "Football derby tonight",
        "Northern lights photos", "Best books of the year", "Marathon world record", "Film festival winners",
        "Space station live stream", "Cozy home office ideas", "电竞总决赛开赛", "动物园大熊猫生日",
        "地铁新线试运营", "网红打卡咖啡馆", "中秋月饼口味投票", "年货节攻略", "滑雪场开板", "科学家发现新物种",
        "春运抢票指南", "老字号餐厅翻新", "读书日好书推荐", "家电以旧换新", "宠物友好商场", "新能源车续航测试",
        "小区花园改造", "跨年晚会节目单", "大学生创业故事", "古镇灯会开幕", "手工编织教程", "城市夜景航拍",
    ]
}
